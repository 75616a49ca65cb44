import * as ical from 'node-ical';

/** The one event of an .ics text, as a maintained parser (node-ical) reads it; throws unless there is exactly one. */
export function onlyEvent(text: string): ical.VEvent {
  const events = Object.values(ical.sync.parseICS(text)).filter((x): x is ical.VEvent => x?.type === 'VEVENT');
  if (events.length !== 1 || !events[0]) throw new Error(`expected one VEVENT, found ${events.length}`);
  return events[0];
}
