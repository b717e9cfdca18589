import { act, cleanup, fireEvent, render, renderHook, screen } from '@testing-library/react';
import { useState } from 'react';
import { afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import {
  Alert,
  Button,
  Checkbox,
  DateField,
  Select,
  StatusPill,
  Switch,
  Tabs,
  TextArea,
  TextField,
  useAsyncAction,
} from '../../src/renderer/components';
import { applyLanguage } from '../../src/renderer/i18n';

afterEach(cleanup);
beforeAll(async () => {
  await applyLanguage('en');
});

describe('labelled fields', () => {
  it.each([
    ['TextField', TextField],
    ['TextArea', TextArea],
    ['DateField', DateField],
    ['Checkbox', Checkbox],
    ['Switch', Switch],
  ] as const)('%s is named by its label and described by its hint and error', (_name, Field) => {
    render(<Field label="Review by" hint="Default is 30 days" error="Pick a date after today" />);
    const control = screen.getByLabelText('Review by');
    expect(control.getAttribute('aria-invalid')).toBe('true');
    const describedBy = control.getAttribute('aria-describedby')!.split(' ');
    const hint = screen.getByText('Default is 30 days');
    const error = screen.getByText('Pick a date after today');
    expect(describedBy).toEqual([hint.id, error.id]);
  });

  it('a field without problems is not marked invalid', () => {
    render(<TextField label="Label" />);
    const control = screen.getByLabelText('Label');
    expect(control.hasAttribute('aria-invalid')).toBe(false);
    expect(control.hasAttribute('aria-describedby')).toBe(false);
  });

  it('Select lists its options under its label', () => {
    render(
      <Select
        label="Access level"
        value="b"
        onChange={() => {}}
        options={[
          { value: 'a', label: 'Content editor' },
          { value: 'b', label: 'Messaging' },
        ]}
      />,
    );
    expect((screen.getByLabelText('Access level') as HTMLSelectElement).value).toBe('b');
  });

  it('Switch is announced as a switch', () => {
    render(<Switch label="Start in the tray" checked={false} onChange={() => {}} />);
    expect(screen.getByRole('switch', { name: 'Start in the tray' })).toBeTruthy();
  });
});

describe('Button', () => {
  it('ignores clicks while busy but stays focusable', () => {
    const onClick = vi.fn();
    render(
      <Button busy onClick={onClick}>
        Revoke
      </Button>,
    );
    const button = screen.getByRole('button', { name: 'Revoke' });
    fireEvent.click(button);
    expect(onClick).not.toHaveBeenCalled();
    expect(button.getAttribute('aria-busy')).toBe('true');
    expect(button).toHaveProperty('disabled', false);
  });
});

describe('Alert and StatusPill', () => {
  it('danger interrupts, other tones are polite', () => {
    render(
      <>
        <Alert tone="danger">Bad</Alert>
        <Alert tone="warning">Careful</Alert>
      </>,
    );
    expect(screen.getByRole('alert').textContent).toContain('Bad');
    expect(screen.getByRole('status').textContent).toContain('Careful');
  });

  it('a dismissable alert has a named close button', () => {
    const onDismiss = vi.fn();
    render(<Alert onDismiss={onDismiss}>Note</Alert>);
    fireEvent.click(screen.getByRole('button', { name: 'Dismiss' }));
    expect(onDismiss).toHaveBeenCalledTimes(1);
  });

  it('the status pill says the state in words', () => {
    render(<StatusPill state="atRisk" />);
    expect(screen.getByText('At risk')).toBeTruthy();
  });
});

describe('useAsyncAction', () => {
  it('runs once at a time and keeps the typed error', async () => {
    let finish!: () => void;
    const work = vi.fn(() => new Promise<void>((resolve) => (finish = resolve)));
    const { result } = renderHook(() => useAsyncAction(work));
    let first!: Promise<unknown>;
    act(() => {
      first = result.current.run();
      void result.current.run();
    });
    expect(work).toHaveBeenCalledTimes(1);
    expect(result.current.busy).toBe(true);
    await act(async () => {
      finish();
      await first;
    });
    expect(result.current.busy).toBe(false);

    const failing = renderHook(() =>
      useAsyncAction(() => Promise.reject({ code: 'offline', message: 'no network' })),
    );
    await act(async () => {
      await failing.result.current.run();
    });
    expect(failing.result.current.error?.code).toBe('offline');
  });

  it('with latestWins, a newer call replaces the running one, whose late answer and error are dropped', async () => {
    const answers: Record<string, { resolve: (v: string) => void; reject: (e: unknown) => void }> =
      {};
    const work = vi.fn(
      (name: string) =>
        new Promise<string>((resolve, reject) => (answers[name] = { resolve, reject })),
    );
    const { result } = renderHook(() => useAsyncAction(work, { latestWins: true }));
    let older!: Promise<string | undefined>;
    let newer!: Promise<string | undefined>;
    act(() => {
      older = result.current.run('old');
      newer = result.current.run('new');
    });
    expect(work).toHaveBeenCalledTimes(2);
    await act(async () => {
      answers.new!.resolve('new');
      expect(await newer).toBe('new');
    });
    expect(result.current.busy).toBe(false);
    await act(async () => {
      answers.old!.reject({ code: 'storage', message: 'late' });
      expect(await older).toBeUndefined();
    });
    expect(result.current.error).toBeNull();
    expect(result.current.busy).toBe(false);
  });
});

describe('Tabs', () => {
  function Harness() {
    const [tab, setTab] = useState<'management' | 'logins'>('management');
    return (
      <Tabs
        label="Kinds of session"
        tabs={[
          { id: 'management', label: 'Management' },
          { id: 'logins', label: 'Logins' },
        ]}
        selected={tab}
        onSelect={setTab}
      >
        <p>{tab} panel</p>
      </Tabs>
    );
  }

  it('has one Tab stop, moves with the arrows and labels its panel', () => {
    render(<Harness />);
    const management = screen.getByRole('tab', { name: 'Management' });
    const logins = screen.getByRole('tab', { name: 'Logins' });
    expect(management.tabIndex).toBe(0);
    expect(logins.tabIndex).toBe(-1);
    management.focus();
    fireEvent.keyDown(management, { key: 'ArrowRight' });
    expect(document.activeElement).toBe(logins);
    expect(logins.getAttribute('aria-selected')).toBe('true');
    expect(screen.getByRole('tabpanel', { name: 'Logins' }).textContent).toBe('logins panel');
    fireEvent.keyDown(logins, { key: 'Home' });
    expect(document.activeElement).toBe(management);
  });
});
