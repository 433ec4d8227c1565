// The organiser's staff, one person per org role, and one demo participant. Their password is
// the stack's DEMO_PASSWORD (generated per native stack, printed by `stack.sh up`); the seed is
// never part of the image, so demo logins cannot reach production.

export const STAFF = [
  { email: 'club.admin@msc-albania.example.org', first_name: 'Elton', last_name: 'Kola', role: 'org-admin' },
  { email: 'race.director@msc-albania.example.org', first_name: 'Arben', last_name: 'Shehu', role: 'race-director' },
  { email: 'registrar@msc-albania.example.org', first_name: 'Mirela', last_name: 'Basha', role: 'registrar' },
  { email: 'marshal@msc-albania.example.org', first_name: 'Gentian', last_name: 'Leka', role: 'marshal' },
  { email: 'timekeeper@msc-albania.example.org', first_name: 'Teuta', last_name: 'Marku', role: 'timekeeper' },
  { email: 'viewer@msc-albania.example.org', first_name: 'Ilir', last_name: 'Duka', role: 'viewer' },
] as const;

/** The crew member of this entry who gets a demo login as a participant. */
export const DEMO_PARTICIPANT_RACE_NUMBER = 301;
