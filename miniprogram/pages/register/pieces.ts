/**
 * The handlers of the shared form pieces: text fields (`data-field`), the town picker, chips (pieces.wxml:
 * `data-list`, `data-index`) and the weekly grid (`data-row`, `data-col`).
 * `Page({ ...pieceHandlers, … })` on a page whose data holds `form`, `errors`, `showTown`, the chips and `grid`.
 */
import { toggle, type Chip, type GridRow } from './form';

export type ChipList = 'specialties' | 'intentions' | 'serviceAreas';
const CHIP_DATA: Record<ChipList, 'specialtyChips' | 'intentionChips' | 'areaChips'> = {
  specialties: 'specialtyChips',
  intentions: 'intentionChips',
  serviceAreas: 'areaChips',
};

interface PiecesHost {
  data: {
    form: Partial<Record<ChipList, string[]>> & { availability: string[] };
    grid: GridRow[];
  } & Partial<Record<(typeof CHIP_DATA)[ChipList], Chip[]>>;
  setData(data: Record<string, unknown>): void;
}

type TapEvent<S> = { currentTarget: { dataset: S } };

export const pieceHandlers = {
  /** Text fields: `data-field` names the form key. */
  onInput(this: PiecesHost, event: TapEvent<{ field: string }> & { detail: string }) {
    const field = event.currentTarget.dataset.field;
    this.setData({ [`form.${field}`]: event.detail, [`errors.${field}`]: '' });
  },

  /** The town picker's popup (`showTown`). */
  onOpenTown(this: PiecesHost) {
    this.setData({ showTown: true });
  },
  onCloseTown(this: PiecesHost) {
    this.setData({ showTown: false });
  },

  onChip(this: PiecesHost, event: TapEvent<{ list: ChipList; index: number }>) {
    const { list, index } = event.currentTarget.dataset;
    const key = CHIP_DATA[list];
    const chip = (this.data[key] ?? [])[index];
    if (!chip) return;
    this.setData({
      [`${key}[${index}].on`]: !chip.on,
      [`form.${list}`]: toggle(this.data.form[list] ?? [], chip.label),
      [`errors.${list}`]: '',
    });
  },

  onSlot(this: PiecesHost, event: TapEvent<{ row: number; col: number }>) {
    const { row, col } = event.currentTarget.dataset;
    const cell = this.data.grid[row].cells[col];
    this.setData({
      [`grid[${row}].cells[${col}].on`]: !cell.on,
      'form.availability': toggle(this.data.form.availability, cell.key),
    });
  },
};
