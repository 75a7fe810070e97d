import { Image, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';

/** In-browser preview: PDF in the browser's viewer, images as images, anything else a hint. */
export function FilePreview({ url, mime, name }: { url: string; mime: string; name: string }) {
  const { t } = useTranslation();
  if (mime === 'application/pdf') {
    return (
      <iframe
        // Open at page width without the thumbnails pane (Chromium, Firefox and Acrobat honour these).
        src={`${url}#navpanes=0&view=FitH`}
        title={name}
        style={{ width: '100%', height: 720, border: '1px solid var(--mantine-color-gray-3)' }}
        data-testid="file-preview-pdf"
      />
    );
  }
  if (mime.startsWith('image/')) {
    return <Image src={url} alt={name} fit="contain" data-testid="file-preview-image" />;
  }
  return (
    <Text size="sm" c="dimmed" data-testid="file-preview-none">
      {t('docs.noPreview')}
    </Text>
  );
}
