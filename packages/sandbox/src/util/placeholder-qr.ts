/**
 * The sandbox does not draw scannable QR codes (nothing can scan them offline); where Cashfree
 * returns a QR image (`link_qrcode`, UPI `qrcode` channel) it returns this SVG data URL instead,
 * which renders as a labelled box and names what the real code would encode.
 */
export function placeholderQr(label: string, encodes: string): string {
  const escapeXml = (s: string) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
  const svg =
    '<svg xmlns="http://www.w3.org/2000/svg" width="240" height="240" viewBox="0 0 240 240">' +
    '<rect x="4" y="4" width="232" height="232" fill="#fff" stroke="#000" stroke-width="8"/>' +
    `<text x="120" y="110" font-family="sans-serif" font-size="16" text-anchor="middle">${escapeXml(label)}</text>` +
    '<text x="120" y="135" font-family="sans-serif" font-size="11" text-anchor="middle">cashfree-kit sandbox</text>' +
    `<desc>${escapeXml(encodes)}</desc></svg>`;
  return `data:image/svg+xml;base64,${Buffer.from(svg).toString('base64')}`;
}
