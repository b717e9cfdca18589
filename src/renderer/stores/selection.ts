import { create } from 'zustand';

/** Which connected account the screens show. The accounts feature sets it; others read it. */
interface SelectionState {
  selectedAccountId: string | null;
  selectAccount: (accountId: string | null) => void;
}

export const useSelectionStore = create<SelectionState>((set) => ({
  selectedAccountId: null,
  selectAccount: (selectedAccountId) => set({ selectedAccountId }),
}));
