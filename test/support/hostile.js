// Servers that answer as Cube must not: whatever `respond` does with the request, over HTTP,
// raw TCP (for answers that are not HTTP at all) or TLS with a certificate nobody trusts.
const { execFileSync } = require('child_process');
const fs = require('fs');
const http = require('http');
const https = require('https');
const net = require('net');
const os = require('os');
const path = require('path');

async function listen(server) {
	await new Promise((resolve) => server.listen(0, '127.0.0.1', resolve));
	return server.address().port;
}

function tracked(server, scheme, requests) {
	const sockets = new Set();
	server.on('connection', (socket) => {
		sockets.add(socket);
		socket.on('close', () => sockets.delete(socket));
	});
	return {
		requests,
		async start() {
			// https by name: n8n sends the host as the TLS server name, where Node deprecates an
			// IP address (DEP0123, a warning in every run); localhost is 127.0.0.1 here
			this.url = `${scheme}://${scheme === 'https' ? 'localhost' : '127.0.0.1'}:${await listen(server)}`;
			return this;
		},
		async close() {
			for (const socket of sockets) socket.destroy();
			await new Promise((resolve) => server.close(resolve));
		},
	};
}

/** An HTTP(S) server; `respond(request, response, body)` answers. Requests are logged. */
function hostileServer(respond, { tls } = {}) {
	const requests = [];
	const handler = (request, response) => {
		let body = '';
		request.on('data', (chunk) => (body += chunk));
		request.on('end', () => {
			requests.push({ method: request.method, url: request.url, authorization: request.headers.authorization });
			respond(request, response, body);
		});
	};
	const server = tls ? https.createServer(tls, handler) : http.createServer(handler);
	return tracked(server, tls ? 'https' : 'http', requests);
}

/** A TCP server that writes `bytes` to whoever connects, whatever they send. */
function rawServer(bytes) {
	const server = net.createServer((socket) => {
		socket.once('data', () => socket.end(bytes));
		socket.on('error', () => {});
	});
	return tracked(server, 'https', []);
}

/** A key and a self-signed certificate for localhost, made with openssl for this run. */
function selfSignedCertificate() {
	const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'cube-hostile-tls-'));
	const key = path.join(dir, 'key.pem');
	const cert = path.join(dir, 'cert.pem');
	execFileSync('openssl', ['req', '-x509', '-newkey', 'rsa:2048', '-nodes', '-keyout', key, '-out', cert, '-days', '1', '-subj', '/CN=localhost'], { stdio: 'ignore' });
	const pair = { key: fs.readFileSync(key), cert: fs.readFileSync(cert) };
	fs.rmSync(dir, { recursive: true, force: true });
	return pair;
}

function sendJson(response, status, body, headers = {}) {
	response.writeHead(status, { 'Content-Type': 'application/json', ...headers });
	response.end(typeof body === 'string' ? body : JSON.stringify(body));
}

/**
 * A DRF-style page of `records` for the request's `?page=`, or DRF's 404 past the end; `next`
 * links carry page numbers, as Cube's do.
 */
function sendPage(request, response, records, pageSize) {
	const url = new URL(request.url, 'http://cube');
	const page = Number(url.searchParams.get('page') ?? 1);
	const last = Math.max(1, Math.ceil(records.length / pageSize));
	if (!(page >= 1 && page <= last)) return sendJson(response, 404, { detail: 'Invalid page.' });
	url.searchParams.set('page', String(page + 1));
	sendJson(response, 200, {
		count: records.length,
		next: page < last ? `http://cube${url.pathname}${url.search}` : null,
		previous: null,
		results: records.slice((page - 1) * pageSize, page * pageSize),
	});
}

module.exports = { hostileServer, rawServer, selfSignedCertificate, sendJson, sendPage };
