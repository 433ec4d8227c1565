// Retry delays of the outbox relay while Redis is away: doubling from 1 s, capped at a minute, so a
// restored Redis gets the backlog within a minute and a dead one is not hammered.
export function backoffSeconds(attempts: number): number {
  return Math.min(60, 2 ** Math.max(0, attempts - 1));
}
