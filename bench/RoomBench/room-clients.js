// The hub side of RoomBench and ScaleOutBench: one SignalR connection per line of MEMBERS ("room token group [hub url]",
// the url HUB_URL when left out), each with its own
// personal access token, joins its room and records, per messagePosted, the time from the message's sentAt (stamped
// before the database write) to its arrival here. Prints READY once all have joined, and RESULT lines per group
// (p50/p95/p99/max ms, deliveries/s, count) once 10 s pass without a message.
const signalR = require('@microsoft/signalr');
const fs = require('fs');
const url = process.env.HUB_URL;
const members = fs.readFileSync(process.env.MEMBERS, 'utf8').trim().split('\n').map(l => l.split(' '));
const groups = {};
let quietTimer;

function atMs(at) {
  const m = /^(.*T\d\d:\d\d:\d\d)(\.\d+)?(Z|[+-]\d\d:\d\d)?$/.exec(at);
  return Date.parse(m[1] + (m[3] || 'Z')) + (m[2] ? parseFloat('0' + m[2]) * 1000 : 0);
}

function report() {
  for (const [name, g] of Object.entries(groups)) {
    const sorted = g.latencies.slice().sort((a, b) => a - b);
    const p = q => sorted.length ? sorted[Math.min(sorted.length - 1, Math.ceil(q / 100 * sorted.length) - 1)] : NaN;
    const seconds = Math.max((g.last - g.first) / 1000, 0.001);
    const f = x => x.toFixed(1).padStart(8);
    console.log(`RESULT ${name.padEnd(14)} ${Math.round(sorted.length / seconds).toLocaleString('en').padStart(13)} ${f(p(50))} ${f(p(95))} ${f(p(99))} ${f(sorted[sorted.length - 1] || NaN)} ${String(sorted.length).padStart(10)}`);
  }
  console.log('DONE');
  process.exit(0);
}

(async () => {
  const connections = members.map(([room, token, group, hub]) => {
    const g = groups[group] ??= { latencies: [], first: 0, last: 0 };
    const connection = new signalR.HubConnectionBuilder()
      .withUrl(hub || url, { transport: signalR.HttpTransportType.WebSockets, skipNegotiation: true, accessTokenFactory: () => token })
      .configureLogging(signalR.LogLevel.None)
      .build();
    connection.on('messagePosted', m => {
      const now = Date.now();
      if (!g.first) g.first = now;
      g.last = now;
      g.latencies.push(now - atMs(m.sentAt));
      clearTimeout(quietTimer);
      quietTimer = setTimeout(report, 10000);
    });
    return { connection, topic: 'room:' + room };
  });
  for (let i = 0; i < connections.length; i += 50)
    await Promise.all(connections.slice(i, i + 50).map(c => c.connection.start().then(() => c.connection.invoke('Join', c.topic))));
  console.log('READY');
  quietTimer = setTimeout(report, 120000);
})().catch(e => { console.log('FAILED ' + e.message); process.exit(1); });
