import type { Browser } from '@playwright/test';
import type { AppScenario } from './app-scenario';
import { NotMeasured, type BenchRow } from './lib';

export async function measureHeap(_browser: Browser, _app: AppScenario): Promise<BenchRow> {
  throw new NotMeasured('to do');
}
