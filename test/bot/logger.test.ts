/** Log format: readable lines for a developer at a terminal, JSON for everything that reads logs by machine. */
import { PassThrough } from 'node:stream';
import { loadConfig } from '../../bot/config';
import { createLogger, logFormatFor } from '../../bot/logger';

describe('logFormatFor', () => {
  it('is pretty only in development at a terminal, unless LOG_FORMAT says otherwise', () => {
    expect(logFormatFor(loadConfig({}), true)).toBe('pretty');
    expect(logFormatFor(loadConfig({}), false)).toBe('json');
    expect(logFormatFor(loadConfig({ NODE_ENV: 'test' }), true)).toBe('json');
    expect(logFormatFor(loadConfig({ LOG_FORMAT: 'json' }), true)).toBe('json');
    expect(logFormatFor(loadConfig({ LOG_FORMAT: 'pretty' }), false)).toBe('pretty');
  });

  it('refuses an unknown LOG_FORMAT at start-up, naming it', () => {
    expect(() => loadConfig({ LOG_FORMAT: 'xml' })).toThrow(/LOG_FORMAT/);
  });
});

describe('createLogger', () => {
  const capture = () => {
    const out = new PassThrough();
    let text = '';
    out.on('data', (d: Buffer) => (text += d.toString('utf8')));
    return { out, text: () => text };
  };

  it('writes one JSON object a line, with personal fields redacted', () => {
    const c = capture();
    createLogger('info', 'json', c.out).info({ conversationType: 'personal', text: 'my child has…' }, 'turn handled');
    const entry = JSON.parse(c.text().trim()) as Record<string, unknown>;
    expect(entry).toMatchObject({ msg: 'turn handled', conversationType: 'personal', text: '[Redacted]', app: 'send-mediation-bot' });
  });

  it('writes a readable line through pino-pretty, still redacted', () => {
    const c = capture();
    createLogger('info', 'pretty', c.out).info({ conversationType: 'personal', text: 'my child has…' }, 'turn handled');
    expect(c.text()).toMatch(/^\[\d{2}:\d{2}:\d{2}\] INFO: turn handled\n\s+conversationType: "personal"\n\s+text: "\[Redacted\]"/);
    expect(c.text()).not.toContain('my child');
  });
});
