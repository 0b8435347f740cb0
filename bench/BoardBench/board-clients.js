// One hub connection per board participant, in one process: each signs in with its own access token, joins TOPIC and
// records every BoardChanged it receives. A participant's own echo is left out: what is measured is the time until
// every OTHER participant has the change. Prints READY once all have joined; on "END" (stdin) it waits until three
// seconds pass without a message, then prints one SEQ line per change (seq, actor, kind, at, last arrival at another
// participant, how many others got it), one DELIVERY line per group (change or vote: p50/p95/p99/max of at → arrival
// at each other participant) and DONE.
const fs = require('fs');
const readline = require('readline');
const signalR = require('@microsoft/signalr');
const url = process.env.HUB_URL, topic = process.env.TOPIC;
const participants = JSON.parse(fs.readFileSync(process.env.PARTICIPANTS_FILE, 'utf8'));
const bySeq = new Map();
const deliveries = { change: [], vote: [] };
let lastMessage = Date.now();

function atMs(at) {
  // .NET writes up to 7 fractional digits; Date.parse keeps 3.
  const m = /^(.*T\d\d:\d\d:\d\d)(\.\d+)?(Z|[+-]\d\d:\d\d)$/.exec(at);
  return Date.parse(m[1] + m[3]) + (m[2] ? parseFloat('0' + m[2]) * 1000 : 0);
}

function onMessage(self, message) {
  const now = Date.now();
  lastMessage = now;
  if (message.actorId === self) return;
  const at = atMs(message.at);
  let entry = bySeq.get(message.seq);
  if (!entry) bySeq.set(message.seq, entry = { actor: message.actorId || '-', kind: message.change.kind, at, last: 0, count: 0 });
  entry.last = Math.max(entry.last, now);
  entry.count++;
  (message.change.kind === 'Voted' ? deliveries.vote : deliveries.change).push(now - at);
}

function stats(values) {
  const sorted = values.slice().sort((a, b) => a - b);
  const p = q => sorted.length ? sorted[Math.min(sorted.length - 1, Math.ceil(q / 100 * sorted.length) - 1)] : NaN;
  return [p(50), p(95), p(99), sorted[sorted.length - 1] || NaN].map(x => x.toFixed(2)).join(' ') + ' ' + sorted.length;
}

function report() {
  for (const [seq, e] of [...bySeq.entries()].sort((a, b) => a[0] - b[0]))
    console.log(`SEQ ${seq} ${e.actor} ${e.kind} ${e.at.toFixed(3)} ${e.last} ${e.count}`);
  for (const group of ['change', 'vote']) console.log(`DELIVERY ${group} ${stats(deliveries[group])}`);
  console.log('DONE');
  process.exit(0);
}

(async () => {
  const connections = participants.map(p => {
    const connection = new signalR.HubConnectionBuilder()
      .withUrl(url, { accessTokenFactory: () => p.token, transport: signalR.HttpTransportType.WebSockets, skipNegotiation: true })
      .configureLogging(signalR.LogLevel.None)
      .build();
    connection.on('BoardChanged', m => onMessage(p.userId, m));
    return connection;
  });
  // Connect in small batches: 300 handshakes at once only measure the accept queue.
  for (let i = 0; i < connections.length; i += 50)
    await Promise.all(connections.slice(i, i + 50).map(c => c.start().then(() => c.invoke('Join', topic))));
  console.log('READY');
  readline.createInterface({ input: process.stdin }).on('line', line => {
    if (line.trim() !== 'END') return;
    const wait = () => Date.now() - lastMessage >= 3000 ? report() : setTimeout(wait, 250);
    wait();
  });
})().catch(e => { console.log('FAILED ' + e.message); process.exit(1); });
