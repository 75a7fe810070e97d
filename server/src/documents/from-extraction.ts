import type { Extraction } from '../extraction/extract.js';
import type { IncomingInput } from './incoming.store.js';

const URGENCY: Record<string, number> = { Khẩn: 1, 'Thượng khẩn': 2, 'Hỏa tốc': 3, 'Hỏa tốc hẹn giờ': 4 };
const SECRECY: Record<string, number> = { Mật: 1, 'Tối mật': 2, 'Tuyệt mật': 3 };

/**
 * The registration fields an extraction can fill. A multi-level signing form such as
 * "TM. ỦY BAN NHÂN DÂN / KT. CHỦ TỊCH" records the signer's own level, the last one.
 */
export function incomingFromExtraction(x: Extraction): Partial<IncomingInput> {
  const out: Partial<IncomingInput> = {};
  if (x.issuer.value) out.issuer = { name: x.issuer.value };
  if (x.number.value) out.number = x.number.value.numeric;
  if (x.notation.value) out.notation = x.notation.value;
  if (x.issuedDate.value) out.issuedDate = x.issuedDate.value;
  if (x.type.value) out.type = x.type.value;
  if (x.subject.value) out.subject = x.subject.value;
  const levels = x.signingForm.value?.split('/').map((s) => s.trim()) ?? [];
  const form = /^(TM\.|KT\.|TL\.|Q\.|TUQ\.)/.exec(levels[levels.length - 1] ?? '')?.[1];
  if (form || x.signerPosition.value || x.signerName.value) {
    out.signer = {
      ...(form ? { form } : {}),
      ...(x.signerPosition.value ? { position: x.signerPosition.value } : {}),
      ...(x.signerName.value ? { name: x.signerName.value } : {}),
    };
  }
  if (x.recipients.value?.length) out.recipients = x.recipients.value;
  if (x.referencedCodes.value?.length) out.referencedCodes = x.referencedCodes.value;
  if (x.urgency.value) out.urgency = URGENCY[x.urgency.value] ?? 0;
  if (x.secrecy.value) out.secrecy = SECRECY[x.secrecy.value] ?? 0;
  return out;
}
