"""The client driver of the MQTT conformance kit for Eclipse Paho Python (contract in ../README.md).

Run it with Debian's interpreter, which has python3-paho-mqtt: /usr/bin/python3 clients/paho-python/driver.py.
It connects with the options it is given, subscribes to <prefix>/in/#, republishes <prefix>/in/X to <prefix>/out/X
with the same payload and QoS, reconnects with loop_forever's own reconnect, unsubscribes on <prefix>/ctl/unsubscribe,
and disconnects and exits on <prefix>/ctl/exit.
"""
import sys
from urllib.parse import urlparse

import paho.mqtt
import paho.mqtt.client as mqtt

opt = dict(zip((a[2:] for a in sys.argv[1::2]), sys.argv[2::2]))
print("library: Eclipse Paho Python " + paho.mqtt.__version__, flush=True)
prefix = opt["prefix"]
url = urlparse(opt["url"])
client = mqtt.Client(client_id=opt["client-id"], clean_session=opt["clean-session"] == "true",
                     protocol=mqtt.MQTTv31 if opt["protocol"] == "3.1" else mqtt.MQTTv311)
if "will-topic" in opt:
    client.will_set(opt["will-topic"], opt["will-message"].encode("utf-8"), int(opt["will-qos"]),
                    opt["will-retain"] == "true")
if "username" in opt:
    client.username_pw_set(opt["username"], opt.get("password"))
client.reconnect_delay_set(min_delay=1, max_delay=2)


def on_connect(c, userdata, flags, rc):
    print("connected, rc %d, session present %s" % (rc, flags.get("session present")), flush=True)
    if not flags.get("session present"):
        c.subscribe(prefix + "/in/#", int(opt["qos"]))


def on_message(c, userdata, message):
    if message.topic == prefix + "/ctl/exit":
        c.disconnect()
    elif message.topic == prefix + "/ctl/unsubscribe":
        c.unsubscribe(prefix + "/in/#")
    elif message.topic.startswith(prefix + "/in/"):
        c.publish(prefix + "/out/" + message.topic[len(prefix) + 4:], message.payload, message.qos, False)


def on_disconnect(c, userdata, rc):
    print("disconnected, rc %d" % rc, flush=True)


client.on_connect = on_connect
client.on_message = on_message
client.on_disconnect = on_disconnect
client.connect(url.hostname, url.port, int(opt["keep-alive"]))
client.loop_forever()
