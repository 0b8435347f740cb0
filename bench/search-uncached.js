// Throughput of /search when no two requests ask the same thing, so SearchResultsCache never answers:
// every request runs the real search. Each request asks for two words drawn from the benchmark corpus's
// vocabulary, half of them with a kind filter.
// Usage: node bench/search-uncached.js <base-url> [seconds=15] [connections=32]
const autocannon = require("autocannon");
const fs = require("fs");
const path = require("path");

const [baseUrl, seconds = "15", connections = "32"] = process.argv.slice(2);
const source = fs.readFileSync(path.join(__dirname, "SearchBench", "CorpusGenerator.cs"), "utf8");
const vocabulary = source.match(/Vocabulary = \(([\s\S]*?)\)\.Split/)[1].match(/"([^"]*)"/g).join(" ").replace(/"/g, "").split(/\s+/).filter(Boolean);
const kinds = ["knowledge", "practice", "link", "news", "page", "network", "answer", "member"];
const pick = list => list[Math.floor(Math.random() * list.length)];

const run = autocannon({
    url: baseUrl,
    connections: Number(connections),
    duration: Number(seconds),
    requests: [{
        setupRequest: request => {
            const kind = Math.random() < 0.5 ? `&kind=${pick(kinds)}` : "";
            request.path = `/search?q=${pick(vocabulary)}+${pick(vocabulary)}${kind}`;
            return request;
        },
    }],
}, (error, result) => {
    if (error) throw error;
    const row = ["/search (uncached, random)".padEnd(28), result.requests.average.toFixed(0).padStart(10), String(result.latency.p50).padStart(8),
        String(result.latency.p97_5).padStart(8), String(result.latency.p99).padStart(8), String(result.non2xx).padStart(8)];
    console.log(row.join(" "));
});
process.once("SIGINT", () => run.stop());
