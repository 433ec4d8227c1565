// Rally Albania 2026 as the organiser publishes it (domain.md): organiser, event, the 18 classes
// with eligibility and race-number ranges, the seven stages, and the penalty table as data.
import type { EligibilityRules } from '../../extensions/race-control/src/domain/eligibility.ts';

export const ORGANISER = { name: 'Motorsport Club Albania', slug: 'msc-albania' };

export const EVENT = {
  name: 'Rally Albania 2026',
  slug: 'rally-albania-2026',
  discipline: 'rally' as const,
  starts_at: '2026-06-06T06:00:00Z',
  ends_at: '2026-06-13T18:00:00Z',
  timezone: 'Europe/Tirane',
  regulation_doc_url: 'https://www.rallyalbania.org/regulations',
  notes: 'Seven days, 1,500–2,200 km, start in Shkodër, finish in Tirana (the 2025 route).',
};

export interface ClassSeed {
  code: string;
  name: string;
  description: string;
  eligibility: EligibilityRules;
  race_number_from: number;
  race_number_to: number;
}

const AGES = 'Age limits are placeholders until the Supplementary Regulations.';

export const CLASSES: ClassSeed[] = [
  { code: 'M-1', name: 'MOTO under 450cc', description: 'Motorbikes up to 449 cc.', eligibility: { kind: ['moto'], cc_max: 449 }, race_number_from: 1, race_number_to: 39 },
  { code: 'M-2', name: 'MOTO 450–600cc', description: 'Motorbikes from 450 to 600 cc.', eligibility: { kind: ['moto'], cc_min: 450, cc_max: 600 }, race_number_from: 40, race_number_to: 79 },
  { code: 'M-3', name: 'MOTO over 600cc single cylinder', description: 'Single-cylinder motorbikes over 600 cc.', eligibility: { kind: ['moto'], cc_min: 601, cylinders: 1 }, race_number_from: 80, race_number_to: 99 },
  { code: 'M-4', name: 'MOTO over 600cc twin cylinder', description: 'Twin-cylinder motorbikes over 600 cc (travel enduros).', eligibility: { kind: ['moto'], cc_min: 601, cylinders: 2 }, race_number_from: 100, race_number_to: 129 },
  { code: 'M-5', name: 'MOTO Senior under 450cc', description: `Riders aged 40 or more, up to 449 cc. ${AGES}`, eligibility: { kind: ['moto'], cc_max: 449, age_min: 40 }, race_number_from: 130, race_number_to: 149 },
  { code: 'M-6', name: 'MOTO Senior over 450cc', description: `Riders aged 40 or more, 450 cc and over. ${AGES}`, eligibility: { kind: ['moto'], cc_min: 450, age_min: 40 }, race_number_from: 150, race_number_to: 169 },
  { code: 'M-7', name: 'MOTO Veteran', description: `Riders aged 50 or more, any engine. ${AGES}`, eligibility: { kind: ['moto'], age_min: 50 }, race_number_from: 170, race_number_to: 189 },
  { code: 'M-8', name: 'MOTO Female', description: 'Female riders, any engine (the 2025 rules used M-7 for both Veteran and Female).', eligibility: { kind: ['moto'], sex: 'female' }, race_number_from: 190, race_number_to: 199 },
  { code: 'Q-1', name: 'QUAD 2WD', description: 'Two-wheel-drive quads.', eligibility: { kind: ['quad'], drive: '2wd' }, race_number_from: 200, race_number_to: 219 },
  { code: 'Q-2', name: 'QUAD 4WD', description: 'Four-wheel-drive quads.', eligibility: { kind: ['quad'], drive: '4wd' }, race_number_from: 220, race_number_to: 239 },
  { code: 'Q-3', name: 'QUAD Female', description: 'Female quad riders.', eligibility: { kind: ['quad'], sex: 'female' }, race_number_from: 240, race_number_to: 249 },
  { code: 'C-2', name: 'CAR Series production', description: 'Series-production cars (T2).', eligibility: { kind: ['car'] }, race_number_from: 300, race_number_to: 329 },
  { code: 'C-1', name: 'CAR Prototype', description: 'Prototype cross-country cars (T1).', eligibility: { kind: ['car'] }, race_number_from: 330, race_number_to: 359 },
  { code: 'C-A', name: 'CAR Adventure', description: 'Amateur crews on a lighter schedule.', eligibility: { kind: ['car'] }, race_number_from: 360, race_number_to: 379 },
  { code: 'C-3', name: 'CAR Truck', description: 'Trucks over 3.5 t (T4/T5).', eligibility: { kind: ['truck'] }, race_number_from: 380, race_number_to: 399 },
  { code: 'S-1', name: 'SSV up to 1000cc', description: 'Side-by-side vehicles, naturally aspirated.', eligibility: { kind: ['ssv'], cc_max: 1000 }, race_number_from: 400, race_number_to: 429 },
  { code: 'S-2', name: 'SSV Turbo', description: 'Turbocharged side-by-side vehicles.', eligibility: { kind: ['ssv'] }, race_number_from: 430, race_number_to: 459 },
  { code: 'S-3', name: 'SSV Adventure', description: 'Amateur SSV crews.', eligibility: { kind: ['ssv'] }, race_number_from: 460, race_number_to: 479 },
];

export interface StageSeed {
  name: string;
  role: 'prologue' | 'regular' | 'marathon' | 'super-special';
  status: 'draft' | 'published' | 'open' | 'closed';
  /** First start, local 07:00 (UTC+2). */
  starts_at: string;
  /** Liaison, special, liaison names; stages 1–2 get a drawn course from ./course. */
  segments: [string, string, string];
}

export const STAGES: StageSeed[] = [
  { name: 'Stage 1 Shkodër – Kukës', role: 'regular', status: 'closed', starts_at: '2026-06-07T05:00:00Z', segments: ['Liaison Shkodër – Drisht', 'SS1 Drisht – Fushë-Arrëz', 'Liaison to Kukës'] },
  { name: 'Stage 2 Kukës – Peshkopi', role: 'regular', status: 'open', starts_at: '2026-06-08T05:00:00Z', segments: ['Liaison Kukës – Shishtavec', 'SS2 Korab', 'Liaison to Peshkopi'] },
  { name: 'Stage 3 Peshkopi – Korçë', role: 'regular', status: 'published', starts_at: '2026-06-09T05:00:00Z', segments: ['Liaison Peshkopi – Bulqizë', 'SS3 Shebenik', 'Liaison to Korçë'] },
  { name: 'Stage 4 Korçë loop (marathon)', role: 'marathon', status: 'published', starts_at: '2026-06-10T05:00:00Z', segments: ['Liaison Korçë – Ersekë', 'SS4 Gramoz', 'Liaison to Korçë'] },
  { name: 'Stage 5 Korçë – Gjirokastër', role: 'regular', status: 'published', starts_at: '2026-06-11T05:00:00Z', segments: ['Liaison Korçë – Leskovik', 'SS5 Përmet', 'Liaison to Gjirokastër'] },
  { name: 'Stage 6 Gjirokastër – Berat', role: 'regular', status: 'published', starts_at: '2026-06-12T05:00:00Z', segments: ['Liaison Gjirokastër – Tepelenë', 'SS6 Tomorr', 'Liaison to Berat'] },
  { name: 'Stage 7 Berat – Tirana', role: 'regular', status: 'published', starts_at: '2026-06-13T05:00:00Z', segments: ['Liaison Berat – Elbasan', 'SS7 Krrabë', 'Liaison to Tirana'] },
];

/** Start order from stage 2 on: the previous stage's top 20 in reverse, then natural, 60 s apart. */
export const START_ORDER = { strategy: 'inverse_top_n_then_natural' as const, params: { n: 20 }, interval_seconds: 60 };

const PLACEHOLDER = 'PLACEHOLDER until the Supplementary Regulations of Rally Albania 2026 (published 60 days before the event):';

export const PENALTY_FORMULAS = [
  { type: 'speeding', operator: 'fixed', offence_min: 0, offence_max: 10, penalty: 60, source: `${PLACEHOLDER} speed zones, 1–10 km/h over the limit, 1 minute.` },
  { type: 'speeding', operator: 'per_unit', offence_min: 10, offence_max: 40, penalty: 30, source: `${PLACEHOLDER} speed zones, 30 s per km/h from 10 to 40 km/h over the limit.` },
  { type: 'speeding', operator: 'fixed', offence_min: 40, offence_max: null, penalty: 3600, source: `${PLACEHOLDER} speed zones, more than 40 km/h over the limit, 1 hour (and referral to the stewards).` },
  { type: 'missed-waypoint', operator: 'fixed', offence_min: null, offence_max: null, penalty: 900, source: `${PLACEHOLDER} missed WPV/WPM/WPE/WPS/WPC/WPP, 15 minutes each.` },
  { type: 'late-arrival', operator: 'per_unit', offence_min: 0, offence_max: null, penalty: 60, source: `${PLACEHOLDER} late at a time control, 1 minute per minute late.` },
  { type: 'early-arrival', operator: 'per_unit', offence_min: 0, offence_max: null, penalty: 120, source: `${PLACEHOLDER} early at a time control, 2 minutes per minute early.` },
  { type: 'missed-control', operator: 'fixed', offence_min: null, offence_max: null, penalty: 3600, source: `${PLACEHOLDER} missed passage or time control, 1 hour.` },
  { type: 'forbidden-zone', operator: 'fixed', offence_min: null, offence_max: null, penalty: 1800, source: `${PLACEHOLDER} entering a forbidden zone, 30 minutes.` },
  { type: 'neutralization-early-exit', operator: 'per_unit', offence_min: 0, offence_max: null, penalty: 60, source: `${PLACEHOLDER} leaving a neutralisation early, 1 minute per minute.` },
] as const;

/** Missed WPN is dearer (domain.md): a separate waypoint-level formula. */
export const WPN_PENALTY = { type: 'missed-waypoint', operator: 'fixed', penalty: 3600, source: `${PLACEHOLDER} missed WPN, 60 minutes.` } as const;
