// The hub side of RoomBench and ScaleOutBench: one SignalR connection per line of MEMBERS ("room token group [hub url]",
// the url HUB_URL when left out), each with its own personal access token, joins its room and records, per
// messagePosted, the time from the message's sentAt (stamped before the database write) to its arrival here. Prints
// READY once all have joined, and RESULT lines per group (deliveries/s, p50/p95/p99/max ms, count) once 10 s pass
// without a message. Messages whose text starts with "Warm-up" are the app's warm-up (its code still compiling to its
// final tier) and are not counted.
//
// The connections are spread over WORKERS threads (default 4), each with its own event loop. On one thread, a message to
// a 1,000-member room is 1,000 arrivals handled one after the other (about 80 µs each here), so the last member would be
// timed some 80 ms after the first for a reason no real member has: each of them is a browser of their own.
const { Worker, isMainThread, parentPort, workerData } = require('worker_threads');
const signalR = require('@microsoft/signalr');
const fs = require('fs');

function atMs(at) {
  const m = /^(.*T\d\d:\d\d:\d\d)(\.\d+)?(Z|[+-]\d\d:\d\d)?$/.exec(at);
  return Date.parse(m[1] + (m[3] || 'Z')) + (m[2] ? parseFloat('0' + m[2]) * 1000 : 0);
}

async function runClients(members, url) {
  const groups = {};
  let quietTimer;
  const done = () => parentPort.postMessage({ results: groups });
  const connections = members.map(([room, token, group, hub]) => {
    const g = groups[group] ??= { latencies: [], first: 0, last: 0 };
    const connection = new signalR.HubConnectionBuilder()
      .withUrl(hub || url, { transport: signalR.HttpTransportType.WebSockets, skipNegotiation: true, accessTokenFactory: () => token })
      .configureLogging(signalR.LogLevel.None)
      .build();
    connection.on('messagePosted', m => {
      clearTimeout(quietTimer);
      quietTimer = setTimeout(done, 10000);
      if (m.text.startsWith('Warm-up')) return;
      const now = Date.now();
      if (!g.first) g.first = now;
      g.last = now;
      g.latencies.push(now - atMs(m.sentAt));
    });
    return { connection, topic: 'room:' + room };
  });
  for (let i = 0; i < connections.length; i += 50)
    await Promise.all(connections.slice(i, i + 50).map(c => c.connection.start().then(() => c.connection.invoke('Join', c.topic))));
  parentPort.postMessage({ ready: true });
  quietTimer = setTimeout(done, 120000);
}

function report(parts) {
  const groups = {};
  for (const part of parts)
    for (const [name, g] of Object.entries(part)) {
      const all = groups[name] ??= { latencies: [], first: Infinity, last: 0 };
      all.latencies.push(...g.latencies);
      if (g.first) all.first = Math.min(all.first, g.first);
      all.last = Math.max(all.last, g.last);
    }
  for (const [name, g] of Object.entries(groups)) {
    const sorted = g.latencies.sort((a, b) => a - b);
    const p = q => sorted.length ? sorted[Math.min(sorted.length - 1, Math.ceil(q / 100 * sorted.length) - 1)] : NaN;
    const seconds = Math.max((g.last - g.first) / 1000, 0.001);
    const f = x => x.toFixed(1).padStart(8);
    console.log(`RESULT ${name.padEnd(14)} ${Math.round(sorted.length / seconds).toLocaleString('en').padStart(13)} ${f(p(50))} ${f(p(95))} ${f(p(99))} ${f(sorted[sorted.length - 1] || NaN)} ${String(sorted.length).padStart(10)}`);
  }
  console.log('DONE');
  process.exit(0);
}

if (isMainThread) {
  const members = fs.readFileSync(process.env.MEMBERS, 'utf8').trim().split('\n').map(l => l.split(' '));
  const count = Math.max(1, Math.min(members.length, parseInt(process.env.WORKERS || '4', 10)));
  const parts = [];
  let ready = 0;
  for (let w = 0; w < count; w++) {
    const worker = new Worker(__filename, { workerData: { members: members.filter((_, i) => i % count === w), url: process.env.HUB_URL } });
    worker.on('message', m => {
      if (m.ready && ++ready === count) console.log('READY');
      if (m.results && parts.push(m.results) === count) report(parts);
    });
    worker.on('error', e => { console.log('FAILED ' + e.message); process.exit(1); });
  }
} else {
  runClients(workerData.members, workerData.url).catch(e => { throw e; });
}
