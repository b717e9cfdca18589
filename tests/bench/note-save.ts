import { NotMeasured, type BenchRow } from './lib';

export async function measureNoteSave(): Promise<BenchRow> {
  throw new NotMeasured('to do');
}
