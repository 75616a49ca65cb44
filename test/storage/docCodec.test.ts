import { decodeDoc, encodeDoc } from '../../storage/sqlite/docCodec';

/** What the store wrote before the walk: JSON.stringify with a replacer and JSON.parse with a reviver. */
const TAG = '\uE000';
function encodeWithReplacer(doc: object): string {
  return JSON.stringify(doc, function (this: Record<string, unknown>, key: string, value: unknown) {
    const raw = this[key];
    if (raw instanceof Date) return `${TAG}d${raw.toISOString()}`;
    return typeof value === 'string' && value.startsWith(TAG) ? `${TAG}s${value}` : value;
  });
}

const at = new Date('2026-12-03T09:30:00.000Z');
const docs: Record<string, object> = {
  'no dates': { _id: 'a', n: 1, flag: true, none: null, list: [1, 'two', null] },
  'dates at every depth': { _id: 'b', at, nested: { when: at, deeper: [{ at }, at] } },
  'strings that start with the tag': { _id: 'c', note: `${TAG}d2026-01-01T00:00:00.000Z`, list: [`${TAG}s`, `${TAG}`] },
  'undefined fields and array slots': { _id: 'd', gone: undefined, list: [undefined, 1], fn: () => 1 },
  'an object with its own toJSON': { _id: 'e', money: { toJSON: () => ({ pence: 250, at }) } },
  'a key named __proto__': JSON.parse('{"_id":"f","__proto__":{"x":1},"y":{"__proto__":[2]}}') as object,
};

describe('the stored document format', () => {
  it.each(Object.entries(docs))('writes %s exactly as the replacer-based encoder did', (_name, doc) => {
    expect(encodeDoc(doc)).toBe(encodeWithReplacer(doc));
  });

  it.each(Object.entries(docs))('reads %s back as it was written', (_name, doc) => {
    const text = encodeDoc(doc);
    const reviver = JSON.parse(text, (_k, v: unknown) =>
      typeof v === 'string' && v.startsWith(`${TAG}d`) ? new Date(v.slice(2)) : typeof v === 'string' && v.startsWith(`${TAG}s`) ? v.slice(2) : v,
    ) as unknown;
    expect(decodeDoc(text)).toEqual(reviver);
    expect(encodeDoc(decodeDoc(text))).toBe(text);
  });

  it('brings dates back as dates and tagged text back as the text that was written', () => {
    const back = decodeDoc<{ at: Date; nested: { deeper: [{ at: Date }, Date] }; note: string }>(
      encodeDoc({ at, nested: { deeper: [{ at }, at] }, note: `${TAG}d2026-01-01T00:00:00.000Z` }),
    );
    expect(back.at).toEqual(at);
    expect(back.nested.deeper[0].at).toBeInstanceOf(Date);
    expect(back.nested.deeper[1]).toEqual(at);
    expect(back.note).toBe(`${TAG}d2026-01-01T00:00:00.000Z`);
  });

  it('keeps an own __proto__ key as data, not as a prototype', () => {
    const back = decodeDoc<Record<string, unknown>>(encodeDoc(docs['a key named __proto__']!));
    expect(Object.keys(back)).toEqual(['_id', '__proto__', 'y']);
    expect(Object.getPrototypeOf(back)).toBe(Object.prototype);
  });
});
