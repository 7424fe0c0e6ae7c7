package dev.mqttkit.report.html;

import gg.jte.ContentType;
import gg.jte.TemplateEngine;
import gg.jte.output.StringOutput;

/**
 * Renders the pages from templates compiled at build time. jte's HTML mode escapes every {@code ${...}} for the
 * context it appears in (text, attribute), which is the one place escaping happens: no captured value reaches a
 * page as markup.
 */
public final class HtmlRenderer {

    private static final String PACKAGE = "dev.mqttkit.report.html.generated";

    private final TemplateEngine engine = TemplateEngine.createPrecompiled(
            null, ContentType.Html, HtmlRenderer.class.getClassLoader(), PACKAGE);

    public String target(TargetPage page) {
        return render("target.jte", page);
    }

    public String matrix(MatrixPage page) {
        return render("matrix.jte", page);
    }

    private String render(String template, Object model) {
        StringOutput out = new StringOutput(64 * 1024);
        engine.render(template, model, out);
        return out.toString();
    }
}
