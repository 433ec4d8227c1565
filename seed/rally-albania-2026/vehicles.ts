// Vehicle models that plausibly race Rally Albania, per class: the roster picks from these.
import type { VehicleKind } from '../../extensions/race-control/src/domain/eligibility.ts';

export interface VehicleModel {
  kind: VehicleKind;
  make: string;
  model: string;
  cc: number;
  cylinders: number;
  drive: '2wd' | '4wd' | null;
}

const moto = (make: string, model: string, cc: number, cylinders = 1): VehicleModel => ({ kind: 'moto', make, model, cc, cylinders, drive: null });
const quad = (make: string, model: string, cc: number, drive: '2wd' | '4wd'): VehicleModel => ({ kind: 'quad', make, model, cc, cylinders: 1, drive });
const car = (make: string, model: string, cc: number, cylinders: number): VehicleModel => ({ kind: 'car', make, model, cc, cylinders, drive: '4wd' });
const ssv = (make: string, model: string, cc: number): VehicleModel => ({ kind: 'ssv', make, model, cc, cylinders: 2, drive: '4wd' });
const truck = (make: string, model: string, cc: number): VehicleModel => ({ kind: 'truck', make, model, cc, cylinders: 6, drive: '4wd' });

const SMALL = [moto('KTM', '350 EXC-F', 350), moto('Husqvarna', 'FE 350', 350), moto('Honda', 'CRF300 Rally', 286), moto('GasGas', 'EC 250F', 249), moto('Yamaha', 'WR250F', 250)];
const MID = [moto('KTM', '450 Rally Replica', 450), moto('Honda', 'CRF450RX', 450), moto('Yamaha', 'WR450F', 450), moto('Beta', '480 RR', 478), moto('Sherco', '500 SEF Factory', 478), moto('Husqvarna', 'FE 501', 511)];
const BIG_SINGLE = [moto('KTM', '690 Enduro R', 690), moto('Husqvarna', '701 Enduro', 693)];
const TWIN = [moto('KTM', '890 Adventure R', 889, 2), moto('Yamaha', 'Ténéré 700', 689, 2), moto('BMW', 'R 1250 GS', 1254, 2), moto('Honda', 'CRF1100L Africa Twin', 1084, 2), moto('Aprilia', 'Tuareg 660', 659, 2)];

export const MODELS_BY_CLASS: Record<string, VehicleModel[]> = {
  'M-1': SMALL,
  'M-2': MID,
  'M-3': BIG_SINGLE,
  'M-4': TWIN,
  'M-5': SMALL,
  'M-6': [...MID, ...BIG_SINGLE],
  'M-7': [...SMALL, ...MID, ...TWIN],
  'M-8': [...SMALL, ...MID],
  'Q-1': [quad('Yamaha', 'Raptor 700R', 686, '2wd'), quad('Yamaha', 'YFZ450R', 449, '2wd'), quad('Honda', 'TRX450R', 449, '2wd')],
  'Q-2': [quad('Can-Am', 'Renegade X xc 1000R', 976, '4wd'), quad('Polaris', 'Scrambler XP 1000 S', 952, '4wd'), quad('CFMOTO', 'CForce 1000', 963, '4wd')],
  'Q-3': [quad('Yamaha', 'Raptor 700R', 686, '2wd'), quad('Can-Am', 'Renegade X xc 1000R', 976, '4wd')],
  'C-2': [car('Toyota', 'Land Cruiser 70', 4461, 8), car('Toyota', 'Hilux', 2755, 4), car('Nissan', 'Patrol Y61', 2953, 4), car('Mitsubishi', 'Pajero', 3200, 4), car('Ford', 'Ranger Raptor', 2956, 6)],
  'C-1': [car('Toyota', 'Hilux Overdrive', 3445, 6), car('Mini', 'John Cooper Works Rally', 2993, 6), car('Century', 'CR6', 3500, 6)],
  'C-A': [car('Land Rover', 'Defender 110', 1997, 4), car('Suzuki', 'Jimny', 1462, 4), car('Toyota', 'Land Cruiser 150', 2755, 4)],
  'C-3': [truck('MAN', 'TGS 18.480 4x4', 12419), truck('Mercedes-Benz', 'Unimog U5023', 5132), truck('Tatra', '815 4x4', 12667), truck('Iveco', 'Eurocargo 4x4', 6728)],
  'S-1': [ssv('Polaris', 'RZR XP 1000', 999), ssv('Yamaha', 'YXZ1000R', 998), ssv('CFMOTO', 'ZForce 1000 Sport', 963), ssv('Kawasaki', 'Teryx KRX 1000', 999)],
  'S-2': [ssv('Can-Am', 'Maverick X3 RS Turbo RR', 900), ssv('Polaris', 'RZR Pro R', 1997)],
  'S-3': [ssv('Can-Am', 'Maverick X3', 900), ssv('Polaris', 'RZR XP 1000', 999)],
};

/** Entries per class: 132 in all (the event has had 100–240). */
export const ENTRIES_PER_CLASS: Record<string, number> = {
  'M-1': 14, 'M-2': 16, 'M-3': 6, 'M-4': 10, 'M-5': 6, 'M-6': 8, 'M-7': 6, 'M-8': 4,
  'Q-1': 5, 'Q-2': 7, 'Q-3': 2,
  'C-2': 12, 'C-1': 8, 'C-A': 6, 'C-3': 4,
  'S-1': 8, 'S-2': 6, 'S-3': 4,
};
