/**
 * The shop's artwork, drawn inline (no image files, no external assets): the logo and the
 * product picture, a tin of Darjeeling tea with leaves and a cup.
 */
import { type SafeHtml, trusted } from './html.js';

/** The round tea-leaf logo. */
export const logo: SafeHtml =
  trusted(`<svg class="logo" viewBox="0 0 40 40" width="36" height="36" aria-hidden="true">
<circle cx="20" cy="20" r="19" fill="#1f5f4a"/>
<path d="M12 27c0-9 6-15 16-16-1 10-7 16-16 16z" fill="#e9c46a"/>
<path d="M12 27c4-5 8-9 13-12" stroke="#1f5f4a" stroke-width="1.6" fill="none" stroke-linecap="round"/>
</svg>`);

/** The product: a tea tin on a cream ground. */
export const teaTin: SafeHtml =
  trusted(`<svg class="product-art" viewBox="0 0 400 360" role="img" aria-label="A tin of First Flush Darjeeling tea with a cup of tea">
<defs>
<linearGradient id="tin" x1="0" x2="1"><stop offset="0" stop-color="#174a3a"/><stop offset=".45" stop-color="#2f7d62"/><stop offset="1" stop-color="#143f31"/></linearGradient>
<linearGradient id="lid" x1="0" x2="1"><stop offset="0" stop-color="#b8862f"/><stop offset=".5" stop-color="#f0cf7a"/><stop offset="1" stop-color="#a97823"/></linearGradient>
<linearGradient id="cup" x1="0" x2="1"><stop offset="0" stop-color="#f4efe6"/><stop offset=".5" stop-color="#ffffff"/><stop offset="1" stop-color="#e5ddcf"/></linearGradient>
<radialGradient id="glow" cx=".5" cy=".45" r=".6"><stop offset="0" stop-color="#fbf3e1"/><stop offset="1" stop-color="#efe3c8"/></radialGradient>
</defs>
<rect width="400" height="360" rx="20" fill="url(#glow)"/>
<ellipse cx="200" cy="318" rx="150" ry="16" fill="#d9c9a6" opacity=".7"/>
<g transform="translate(92 60)">
<rect x="0" y="22" width="150" height="236" rx="10" fill="url(#tin)"/>
<rect x="-4" y="4" width="158" height="34" rx="8" fill="url(#lid)"/>
<rect x="-4" y="30" width="158" height="6" fill="#8a6420" opacity=".35"/>
<rect x="14" y="78" width="122" height="132" rx="6" fill="#f7efdc"/>
<rect x="20" y="84" width="110" height="120" rx="4" fill="none" stroke="#c9a24c" stroke-width="1.5"/>
<text x="75" y="112" text-anchor="middle" font-family="Georgia, serif" font-size="13" fill="#1f5f4a" letter-spacing="2">PAHADI</text>
<text x="75" y="142" text-anchor="middle" font-family="Georgia, serif" font-size="22" font-style="italic" fill="#7a3e1d">Darjeeling</text>
<text x="75" y="164" text-anchor="middle" font-family="Georgia, serif" font-size="11" fill="#5f6f66" letter-spacing="1.5">FIRST FLUSH</text>
<path d="M52 182c10-8 36-8 46 0" stroke="#c9a24c" stroke-width="1.5" fill="none"/>
<text x="75" y="198" text-anchor="middle" font-family="system-ui, sans-serif" font-size="10" fill="#5f6f66">100 g · loose leaf</text>
<rect x="0" y="236" width="150" height="8" fill="#0e3227" opacity=".5"/>
</g>
<g transform="translate(262 214)">
<path d="M0 18h88l-8 62c-1 8-8 14-16 14H24c-8 0-15-6-16-14z" fill="url(#cup)"/>
<path d="M86 30c18 0 20 26 0 28" stroke="#e5ddcf" stroke-width="8" fill="none"/>
<ellipse cx="44" cy="18" rx="44" ry="8" fill="#e5ddcf"/>
<ellipse cx="44" cy="19" rx="38" ry="5.5" fill="#b5651d"/>
<path d="M30 6c-6-10 6-14 0-26M50 4c-6-10 6-14 0-26" stroke="#c9b99a" stroke-width="3" fill="none" stroke-linecap="round" opacity=".8"/>
</g>
<g fill="#3d8b5f">
<path d="M60 300c-4-22 12-38 36-40-2 24-16 40-36 40z"/>
<path d="M300 90c6-20 26-28 46-22-8 20-26 30-46 22z" fill="#2f7d62"/>
<path d="M318 130c14-12 34-10 44 4-16 10-34 10-44-4z" fill="#5aa36f"/>
<path d="M40 250c12-14 30-16 42-6-12 14-30 16-42 6z" fill="#5aa36f"/>
</g>
</svg>`);
