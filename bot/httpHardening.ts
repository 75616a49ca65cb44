import type { Server as HttpServer, IncomingMessage, ServerResponse } from 'node:http';
import type { Socket } from 'node:net';

/**
 * Slow or stalled clients. Node checks its own headers and request timeouts only every 30 s
 * (connectionsCheckingInterval, fixed when the server is constructed, which restify does), so a
 * trickled request could hold a socket for half a minute past the limit. Here each request has
 * its own timer: from the connection until the headers are in, then until the body has been
 * read. A handler that takes long after reading the body is not affected.
 */
export function cutOffSlowRequests(server: HttpServer, limitMs: number): void {
  server.headersTimeout = limitMs;
  server.requestTimeout = limitMs;
  const pending = new WeakMap<Socket, NodeJS.Timeout>();
  server.on('connection', (socket: Socket) => {
    pending.set(socket, setTimeout(() => socket.destroy(), limitMs).unref());
    socket.once('close', () => clearTimeout(pending.get(socket)));
  });
  server.prependListener('request', (req: IncomingMessage, res: ServerResponse) => {
    clearTimeout(pending.get(req.socket));
    const timer = setTimeout(() => req.socket.destroy(), limitMs).unref();
    const done = () => clearTimeout(timer);
    req.once('end', done);
    res.once('finish', done);
    res.once('close', done);
  });
}

/**
 * Headers every answer carries: no MIME sniffing, and no framing unless a page says otherwise
 * (the tab's pages allow the Teams and Microsoft 365 hosts; the certificate page allows none).
 */
export function setDefaultSecurityHeaders(res: ServerResponse): void {
  res.setHeader('X-Content-Type-Options', 'nosniff');
  res.setHeader('Content-Security-Policy', "frame-ancestors 'none'");
  res.setHeader('X-Frame-Options', 'DENY');
}
