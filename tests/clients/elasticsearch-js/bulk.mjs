// Sends documents to LogPipeline ingest with the official client's bulk helper and prints its stats as JSON.
// Usage: node bulk.mjs <ingest url> <token> <file of JSON documents, one per line> <index>
import { readFileSync } from 'node:fs';
import { Client } from '@elastic/elasticsearch';

const [url, token, file, index] = process.argv.slice(2);
const client = new Client({ node: url, auth: { username: 'shipper', password: token } });
const info = await client.info();
const documents = readFileSync(file, 'utf8').split('\n').filter(l => l.length > 0).map(l => JSON.parse(l));
const dropped = [];
const stats = await client.helpers.bulk({
  datasource: documents,
  onDocument: () => ({ create: { _index: index } }),
  onDrop: d => dropped.push({ status: d.status, type: d.error?.type }),
  retries: 0,
  flushBytes: 4096,
});
console.log(JSON.stringify({ version: info.version.number, total: stats.total, successful: stats.successful, failed: stats.failed, dropped }));
