import { existsSync, readFileSync } from 'node:fs';
import PDFDocument from 'pdfkit';

/** The Noto CJK font installed by infra/scripts/lib.sh (fonts-noto-cjk); MEDIATION_PDF_FONT overrides it. */
const FONT_PATH = process.env.MEDIATION_PDF_FONT ?? '/usr/share/fonts/opentype/noto/NotoSansCJK-Regular.ttc';
const FONT_FAMILY = process.env.MEDIATION_PDF_FONT_FAMILY ?? 'NotoSansCJKsc-Regular';
let font: Buffer | undefined;

export function pdfFontAvailable(): boolean {
  return font !== undefined || existsSync(FONT_PATH);
}

export interface PrintableAgreement {
  caseNo: string;
  centreName: string;
  workers: string[];
  employer: { name: string; creditCode: string | null };
  summary: string;
  claims: string[];
  obligations: { description: string; payer: string; payee: string; amount: string | null; dueDate: string | null }[];
  signatures: { party: string; signer: string; signedOn: string }[];
  mediators: string[];
  signedOn: string;
  judicialConfirmation: string | null;
}

const yuan = (fen: number) => `人民币 ${(fen / 100).toFixed(2)} 元`;
export { yuan as fenToYuanText };

/**
 * The agreement as the usual 人民调解协议书 lays it out: title and number, the parties, the facts
 * and the matters in dispute, the terms agreed (who performs what, how much, by when), the standard
 * clauses, the signatures, the mediators, the date and the organisation's seal.
 */
export function renderAgreementPdf(a: PrintableAgreement): Promise<Buffer> {
  font ??= readFileSync(FONT_PATH);
  const doc = new PDFDocument({ size: 'A4', margins: { top: 60, bottom: 60, left: 70, right: 70 }, info: { Title: '人民调解协议书', Author: a.centreName } });
  doc.registerFont('cjk', font, FONT_FAMILY);
  doc.font('cjk');
  const chunks: Buffer[] = [];
  const done = new Promise<Buffer>((resolve, reject) => {
    doc.on('data', (c: Buffer) => chunks.push(c));
    doc.on('end', () => resolve(Buffer.concat(chunks)));
    doc.on('error', reject);
  });

  doc.fontSize(20).text('人民调解协议书', { align: 'center' });
  doc.moveDown(0.3).fontSize(10).text(`编号：${a.caseNo}`, { align: 'right' });
  doc.moveDown(0.8).fontSize(12);
  a.workers.forEach((w, i) => doc.text(`${i === 0 ? '当事人（申请人）' : '　　　　　　　　'}：${w}`));
  doc.text(`当事人（被申请人）：${a.employer.name}${a.employer.creditCode ? `（统一社会信用代码：${a.employer.creditCode}）` : ''}`);
  doc.moveDown(0.6).text('纠纷主要事实、争议事项：', { continued: false });
  doc.text(a.summary, { indent: 24 });
  a.claims.forEach((c) => doc.text(c, { indent: 24 }));
  doc.moveDown(0.6).text(`经${a.centreName}主持调解，当事人自愿达成如下协议：`);
  a.obligations.forEach((o, i) => {
    const money = o.amount ? `，${o.amount}` : '';
    const due = o.dueDate ? `，于 ${o.dueDate} 前履行` : '';
    doc.text(`${i + 1}. ${o.payer}向${o.payee}${o.description}${money}${due}。`, { indent: 24 });
  });
  doc.moveDown(0.6);
  doc.text('履行方式、时限：按上述各项约定履行。', { indent: 24 });
  doc.text('本协议经双方当事人签名（盖章）、调解员签名并加盖调解组织印章后生效，对双方当事人具有法律约束力，当事人应当按照约定履行。当事人可以自本协议生效之日起三十日内共同向人民法院申请司法确认。', { indent: 24 });
  doc.text('本协议一式三份，双方当事人、调解组织各执一份。', { indent: 24 });
  if (a.judicialConfirmation) doc.moveDown(0.4).text(`司法确认：${a.judicialConfirmation}`, { indent: 24 });
  doc.moveDown(1);
  const byParty = (party: string) => a.signatures.filter((s) => s.party === party).map((s) => `${s.signer}（${s.signedOn}）`).join('、') || '＿＿＿＿＿＿';
  doc.text(`当事人（签名）：${byParty('worker')}`);
  doc.text(`当事人（签名或盖章）：${byParty('employer')}`);
  doc.text(`调解员（签名）：${a.mediators.length > 0 ? a.mediators.join('、') : byParty('mediator')}`);
  doc.moveDown(1);
  doc.text(`${a.centreName}（印章）`, { align: 'right' });
  doc.text(a.signedOn, { align: 'right' });
  doc.end();
  return done;
}
