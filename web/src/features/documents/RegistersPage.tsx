import { useMemo, useState } from 'react';
import { Alert, Button, Group, Loader, Paper, SegmentedControl, Select, Text } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { documentsApi } from '../../api/endpoints';
import { buildUrl } from '../../api/client';
import type { Direction, Document } from '../../api/types';
import { PageHeader } from '../../components/PageHeader';
import { QueryError } from '../../components/QueryError';
import { currentYear, formatDate, todayIso } from '../../lib/date';
import { useUser } from '../auth/session';
import { signerText, useDocLabels } from './labels';
import { docKeys } from './queries';
import { useUnits } from '../units/queries';
import { fold } from '../../lib/text';

interface RegisterColumn {
  header: string;
  value: (d: Document) => string | number;
  width: string;
  align?: 'center' | 'left';
}

/** The yearly register (sổ đăng ký) in the NĐ 30/2020 layout, printable on A4 landscape. */
export function RegistersPage() {
  const { t } = useTranslation();
  const user = useUser();
  const labels = useDocLabels();
  const [direction, setDirection] = useState<Direction>('in');
  const thisYear = currentYear();
  const [year, setYear] = useState(String(thisYear));
  const years = Array.from({ length: 6 }, (_, i) => String(thisYear - i));
  const register = useQuery({
    queryKey: docKeys.register(direction, Number(year)),
    queryFn: () => documentsApi.yearRegister(direction, Number(year)),
  });
  const rows = register.data?.rows ?? [];

  const note = (d: Document) =>
    [
      d.status === 'recalled' || d.status === 'cancelled' ? labels.status(d.status) : '',
      d.urgency ? labels.urgency(d.urgency) : '',
      d.secrecy ? labels.secrecy(d.secrecy) : '',
    ]
      .filter(Boolean)
      .join('; ');
  // Công văn carry their "V/v …" alone; other types read "Quyết định: Về việc …".
  const typeSubject = (d: Document) =>
    d.type === 'CV' || fold(d.subject).startsWith(fold(d.typeName)) ? d.subject : `${d.typeName}: ${d.subject}`;

  const columns = useMemo<RegisterColumn[]>(
    () =>
      direction === 'in'
        ? [
            { header: t('docs.arrivalNumber'), value: (d) => d.arrivalNumber ?? '', width: '6%', align: 'center' },
            { header: t('docs.arrivalDate'), value: (d) => formatDate(d.arrivalDate), width: '9%', align: 'center' },
            { header: t('registers.author'), value: (d) => d.issuer.name, width: '16%' },
            { header: t('registers.codeCol'), value: (d) => d.code ?? '', width: '11%' },
            { header: t('registers.dateCol'), value: (d) => formatDate(d.issuedDate), width: '9%', align: 'center' },
            { header: t('registers.typeSubject'), value: typeSubject, width: '29%' },
            { header: t('registers.receiver'), value: () => '', width: '11%' },
            { header: t('registers.note'), value: note, width: '9%' },
          ]
        : [
            { header: t('registers.codeCol'), value: (d) => d.code ?? '', width: '12%' },
            { header: t('registers.dateCol'), value: (d) => formatDate(d.issuedDate), width: '9%', align: 'center' },
            { header: t('registers.typeSubject'), value: typeSubject, width: '35%' },
            { header: t('registers.signer'), value: (d) => signerText(d.signer), width: '14%' },
            {
              header: t('registers.recipients'),
              value: (d) => d.recipients.map((r) => r.name).join('; '),
              width: '20%',
            },
            { header: t('registers.note'), value: note, width: '10%' },
          ],
    [direction, t, labels],
  );

  const title = direction === 'in' ? t('registers.titleIn') : t('registers.titleOut');
  const units = useUnits();
  const registerUnitId = rows[0]?.registerUnitId;
  const unitName =
    (registerUnitId && units.data?.items.find((u) => u.id === registerUnitId)?.name) || user.unitName || t('app.org');

  const exportExcel = async () => {
    const { exportXlsx } = await import('../../components/DataTable/exportXlsx');
    const fileName = `${t('registers.file')}-${direction === 'in' ? 'den' : 'di'}-${year}-${todayIso()}.xlsx`;
    exportXlsx({
      fileName,
      sheetName: `${title} ${year}`.slice(0, 31),
      title: `${title} — ${t('registers.yearLine', { year })}`,
      headers: columns.map((c) => c.header),
      rows: rows.map((d) => columns.map((c) => c.value(d))),
    });
    notifications.show({ color: 'green', message: t('table.exported', { file: fileName }) });
  };

  // The server renders the register as an A4 landscape PDF (Liberation Serif).
  const pdfUrl = buildUrl(`/api/registers/${direction}`, { year, format: 'pdf' });

  return (
    <>
      <div className="dh-no-print">
        <PageHeader title={t('registers.title')}>
          <Button variant="default" onClick={() => window.print()} data-testid="register-print">
            {t('registers.print')}
          </Button>
          <Button variant="light" color="green" onClick={() => void exportExcel()} data-testid="register-excel">
            {t('common.exportExcel')}
          </Button>
          <Button variant="light" color="red" component="a" href={pdfUrl} download data-testid="register-pdf">
            {t('registers.exportPdf')}
          </Button>
        </PageHeader>
        <Group mb="md" gap="md" align="flex-end">
          <SegmentedControl
            value={direction}
            onChange={(v) => setDirection(v as Direction)}
            data={[
              { value: 'in', label: t('registers.in') },
              { value: 'out', label: t('registers.out') },
            ]}
            data-testid="register-direction"
          />
          <Select
            aria-label={t('registers.year')}
            data={years}
            value={year}
            onChange={(v) => v && setYear(v)}
            allowDeselect={false}
            w={110}
            data-testid="register-year"
          />
          {register.isFetching && <Loader size="xs" />}
          <Text size="sm" c="dimmed">
            {t('registers.count', { count: rows.length })}
          </Text>
        </Group>
        {register.isError && <QueryError error={register.error} onRetry={() => void register.refetch()} />}
      </div>
      <Paper withBorder p="md" className="dh-register" data-testid="register-sheet">
        <div className="dh-register-head">
          <div className="dh-register-unit">{unitName.toUpperCase()}</div>
          <h1>{title}</h1>
          <div>{t('registers.yearLine', { year })}</div>
        </div>
        <table className="dh-register-table" data-testid="register-table" data-direction={direction}>
          <colgroup>
            {columns.map((c, i) => (
              <col key={i} style={{ width: c.width }} />
            ))}
          </colgroup>
          <thead>
            <tr>
              {columns.map((c, i) => (
                <th key={i}>{c.header}</th>
              ))}
            </tr>
            <tr className="dh-register-numbers">
              {columns.map((_, i) => (
                <th key={i}>({i + 1})</th>
              ))}
            </tr>
          </thead>
          <tbody>
            {rows.map((d) => (
              <tr key={d.id} data-testid="register-row">
                {columns.map((c, i) => (
                  <td key={i} style={{ textAlign: c.align }}>
                    {c.value(d)}
                  </td>
                ))}
              </tr>
            ))}
          </tbody>
        </table>
        {!rows.length && !register.isPending && (
          <Alert color="gray" mt="sm" className="dh-no-print" data-testid="register-empty">
            {t('registers.empty')}
          </Alert>
        )}
      </Paper>
    </>
  );
}
