// aedes as a peer broker for calibrating the conformance suite, started as a child process by PeerBroker.java.
//
//   node broker.mjs --port 0 [--ws-port 0]
//
// Listens on 127.0.0.1 only: MQTT over TCP on --port and, if --ws-port is given, MQTT over WebSocket (binary frames,
// subprotocol "mqtt" or "mqttv3.1", any path) on --ws-port. Port 0 takes a free port; the ports actually bound are
// in the one ready line, printed once every listener is up:
//
//   aedes 1.2.0 ready tcp=127.0.0.1:40123 ws=127.0.0.1:40124
//
// Exits when its standard input closes (so it cannot outlive the process that started it) and on SIGTERM or SIGINT.
// Everything is kept in memory: the default persistence of aedes.
import { createServer as createTcpServer } from 'node:net'
import { createServer as createHttpServer } from 'node:http'
import { readFileSync } from 'node:fs'
import { parseArgs } from 'node:util'
import { Aedes } from 'aedes'
import { WebSocketServer, createWebSocketStream } from 'ws'

const HOST = '127.0.0.1'
const MQTT_SUBPROTOCOLS = ['mqtt', 'mqttv3.1']

const { values: options } = parseArgs({
  options: { port: { type: 'string', default: '0' }, 'ws-port': { type: 'string' } }
})
const version = JSON.parse(readFileSync(new URL('./node_modules/aedes/package.json', import.meta.url))).version

const aedes = await Aedes.createBroker()
const listeners = []

function listen (server, port) {
  return new Promise((resolve, reject) => {
    server.once('error', reject)
    server.listen(Number(port), HOST, () => resolve(server.address().port))
  })
}

const tcp = createTcpServer(aedes.handle)
listeners.push(tcp)
let ready = `aedes ${version} ready tcp=${HOST}:${await listen(tcp, options.port)}`

if (options['ws-port'] !== undefined) {
  const http = createHttpServer()
  listeners.push(http)
  const wss = new WebSocketServer({
    server: http,
    handleProtocols: (offered) => MQTT_SUBPROTOCOLS.find((p) => offered.has(p)) ?? false
  })
  wss.on('connection', (socket, request) => aedes.handle(createWebSocketStream(socket), request))
  ready += ` ws=${HOST}:${await listen(http, options['ws-port'])}`
}

let stopping = false
function stop (why) {
  if (stopping) return
  stopping = true
  console.log(`aedes stopping: ${why}`)
  for (const server of listeners) server.close()
  aedes.close(() => process.exit(0))
  // Open client connections keep close() waiting; the caller wants the port back now.
  setTimeout(() => process.exit(0), 1000).unref()
}

process.on('SIGTERM', () => stop('SIGTERM'))
process.on('SIGINT', () => stop('SIGINT'))
process.stdin.on('end', () => stop('standard input closed'))
process.stdin.on('error', () => stop('standard input failed'))
process.stdin.resume()

console.log(ready)
