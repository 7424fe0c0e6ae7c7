package dev.mqttkit.conformance.cli;

import org.junit.platform.engine.TestExecutionResult;
import org.junit.platform.launcher.TestExecutionListener;
import org.junit.platform.launcher.TestIdentifier;

import java.io.PrintStream;

/** Shows that a long run is alive: a dot per finished test, the name of each failure on its own line. */
final class ProgressListener implements TestExecutionListener {

    private static final int DOTS_PER_LINE = 60;

    private final PrintStream out;
    private int dots;

    ProgressListener(PrintStream out) {
        this.out = out;
    }

    @Override
    public synchronized void executionFinished(TestIdentifier id, TestExecutionResult result) {
        if (result.getStatus() == TestExecutionResult.Status.FAILED) {
            newLineIfDots();
            out.println("FAILED " + id.getDisplayName()
                    + result.getThrowable().map(t -> ": " + firstLine(t.getMessage())).orElse(""));
        } else if (id.isTest()) {
            out.print('.');
            if (++dots % DOTS_PER_LINE == 0) {
                out.println();
            }
        }
        out.flush();
    }

    private void newLineIfDots() {
        if (dots % DOTS_PER_LINE != 0) {
            out.println();
            dots = 0;
        }
    }

    private static String firstLine(String text) {
        if (text == null) {
            return "";
        }
        int nl = text.indexOf('\n');
        return nl < 0 ? text : text.substring(0, nl);
    }
}
