import { describe, expect, it, vi } from 'vitest';
import { afterPaint } from '../../src/renderer/hooks/afterPaint';

const settle = () => new Promise((resolve) => setTimeout(resolve, 50));

describe('afterPaint', () => {
  it('runs the task later, never during the render that asked for it', async () => {
    const task = vi.fn();
    afterPaint(task);
    expect(task).not.toHaveBeenCalled();
    await settle();
    expect(task).toHaveBeenCalledTimes(1);
  });

  it('does not run a task whose effect was cleaned up first', async () => {
    const task = vi.fn();
    const cancel = afterPaint(task);
    cancel();
    await settle();
    expect(task).not.toHaveBeenCalled();
  });
});
