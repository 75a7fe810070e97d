/** Lower-cases and strips Vietnamese diacritics so "cam thanh" finds "Cẩm Thành". */
export function fold(value: string): string {
  return value
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .replace(/đ/g, 'd')
    .replace(/Đ/g, 'D')
    .toLowerCase();
}

export const viCollator = new Intl.Collator('vi', { numeric: true, sensitivity: 'base' });
