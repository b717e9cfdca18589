import { NotMeasured, type BenchRow } from './lib';

export async function measureGatewayRefresh(): Promise<BenchRow> {
  throw new NotMeasured('to do');
}
