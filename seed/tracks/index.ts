// Synthetic 1 Hz tracks for the seed: positions rows with injected GPS faults and their ground truth.
export type { FaultKind, Gap, InjectedFault, PlannedFault, PositionRow, Stop, TrackPlan, VehicleKind } from './types.ts';
export { FAULT_KINDS } from './types.ts';
export { KIND_SPEEDS, trackDurationSeconds } from './speed.ts';
export { injectedFaults, planFaults } from './faults.ts';
export { generateTrack } from './generate.ts';
export { COPY_COLUMNS, toCopyLine } from './copy.ts';
