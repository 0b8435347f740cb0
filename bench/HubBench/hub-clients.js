// N SignalR clients of /hubs/live in one process: each joins TOPIC and records, per message, the time from the
// event's `at` (when the app numbered it) to its arrival here. Prints READY once all have joined, and RESULT with
// deliveries/s, p50/p95/p99/max in ms and the count once EVENTS messages reached every client or 20 s passed
// without a message.
const signalR = require('@microsoft/signalr');
const url = process.env.HUB_URL, count = +process.env.CLIENTS, events = +process.env.EVENTS, topic = process.env.TOPIC;
const latencies = [];
let first = 0, last = 0, quietTimer;

function atMs(at) {
  // .NET writes up to 7 fractional digits; Date.parse keeps 3.
  const m = /^(.*T\d\d:\d\d:\d\d)(\.\d+)?(Z|[+-]\d\d:\d\d)$/.exec(at);
  return Date.parse(m[1] + m[3]) + (m[2] ? parseFloat('0' + m[2]) * 1000 : 0);
}

function report() {
  const sorted = latencies.slice().sort((a, b) => a - b);
  const p = q => sorted.length ? sorted[Math.min(sorted.length - 1, Math.ceil(q / 100 * sorted.length) - 1)] : NaN;
  const seconds = Math.max((last - first) / 1000, 0.001);
  const f = x => x.toFixed(2).padStart(8);
  console.log(`RESULT ${Math.round(sorted.length / seconds).toLocaleString('en').padStart(13)} ${f(p(50))} ${f(p(95))} ${f(p(99))} ${f(sorted[sorted.length - 1] || NaN)} ${(sorted.length + '/' + count * events).padStart(12)}`);
  process.exit(0);
}

function onMessage(message) {
  const now = Date.now();
  if (!first) first = now;
  last = now;
  latencies.push(now - atMs(message.at));
  clearTimeout(quietTimer);
  if (latencies.length >= count * events) return report();
  quietTimer = setTimeout(report, 20000);
}

(async () => {
  const connections = [];
  for (let i = 0; i < count; i++) {
    const connection = new signalR.HubConnectionBuilder()
      .withUrl(url, { transport: signalR.HttpTransportType.WebSockets, skipNegotiation: true })
      .configureLogging(signalR.LogLevel.None)
      .build();
    connection.on('QuestionChanged', onMessage);
    connections.push(connection);
  }
  // Connect in small batches: 500 handshakes at once only measure the accept queue.
  for (let i = 0; i < count; i += 50)
    await Promise.all(connections.slice(i, i + 50).map(c => c.start().then(() => c.invoke('Join', topic))));
  console.log('READY');
  quietTimer = setTimeout(report, 60000);
})().catch(e => { console.log('FAILED ' + e.message); process.exit(1); });
