// A marshal writes (manual control crossings) only while the event runs, with a day either side
// for set-up, scrutineering and protests. The same window is the `_and` of the marshal's update
// rule in config/access/permissions/marshal.json; Directus checks no item rule on create, so the
// access hook applies this one there.
export const EVENT_WINDOW_MARGIN_MS = 24 * 60 * 60 * 1000;

export interface EventSpan {
  name: string;
  starts_at: string | Date;
  ends_at: string | Date;
}

export type WindowCheck = { ok: true } | { ok: false; reason: string };

export function checkEventWindow(event: EventSpan, now: Date): WindowCheck {
  const opens = new Date(event.starts_at).getTime() - EVENT_WINDOW_MARGIN_MS;
  const closes = new Date(event.ends_at).getTime() + EVENT_WINDOW_MARGIN_MS;
  if (now.getTime() < opens) {
    return { ok: false, reason: `Marshals can record crossings of ${event.name} from ${new Date(opens).toISOString().slice(0, 16).replace('T', ' ')} UTC, a day before it starts` };
  }
  if (now.getTime() > closes) {
    return { ok: false, reason: `${event.name} ended more than a day ago; marshals can no longer record its crossings (ask the race director or an org admin)` };
  }
  return { ok: true };
}
