// The client driver of the MQTT conformance kit for MQTT.js (contract in ../README.md): connects with the options
// it is given, subscribes to <prefix>/in/#, republishes <prefix>/in/X to <prefix>/out/X with the same payload and
// QoS, reconnects with MQTT.js's own reconnect, unsubscribes on <prefix>/ctl/unsubscribe, and disconnects and exits
// on <prefix>/ctl/exit.
import { createRequire } from 'node:module';
import mqtt from 'mqtt';

const require = createRequire(import.meta.url);
const opt = {};
for (let i = 2; i + 1 < process.argv.length; i += 2) {
  opt[process.argv[i].replace(/^--/, '')] = process.argv[i + 1];
}
console.log(`library: MQTT.js ${require('mqtt/package.json').version}`);

const prefix = opt.prefix;
const v31 = opt.protocol === '3.1';
const options = {
  clientId: opt['client-id'],
  clean: opt['clean-session'] === 'true',
  keepalive: Number(opt['keep-alive']),
  protocolId: v31 ? 'MQIsdp' : 'MQTT',
  protocolVersion: v31 ? 3 : 4,
  reconnectPeriod: 1000,
};
if (opt['will-topic'] !== undefined) {
  options.will = {
    topic: opt['will-topic'], payload: Buffer.from(opt['will-message'], 'utf8'),
    qos: Number(opt['will-qos']), retain: opt['will-retain'] === 'true',
  };
}
if (opt.username !== undefined) options.username = opt.username;
if (opt.password !== undefined) options.password = opt.password;

const client = mqtt.connect(opt.url, options);
client.on('connect', (connack) => {
  console.log(`connected, session present ${connack.sessionPresent}`);
  if (!connack.sessionPresent) {
    client.subscribe(`${prefix}/in/#`, { qos: Number(opt.qos) });
  }
});
client.on('message', (topic, payload, packet) => {
  if (topic === `${prefix}/ctl/exit`) {
    client.end(false, () => process.exit(0));
  } else if (topic === `${prefix}/ctl/unsubscribe`) {
    client.unsubscribe(`${prefix}/in/#`);
  } else if (topic.startsWith(`${prefix}/in/`)) {
    client.publish(`${prefix}/out/${topic.slice(prefix.length + 4)}`, payload, { qos: packet.qos, retain: false });
  }
});
client.on('close', () => console.log('connection closed'));
client.on('error', (e) => console.log(`error: ${e.message}`));
