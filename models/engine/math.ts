/**
 * Elementary functions with the same bits in every JavaScript engine.
 *
 * ECMAScript leaves `Math.exp`, `Math.log`, `Math.pow` (`**`), `Math.sin` and `Math.cos` "implementation-
 * approximated": Node 20's V8 and Debian's Chromium give different last bits for about one input in ten
 * (measured on 20,000 random arguments each). The model's choices compare values that can be nearly
 * equal (a licence deal worth making or not), so a last-bit difference can flip a developer's plan and
 * change a published number between the CLI and the explorer. The model therefore uses these ports of
 * fdlibm 5.3 (Sun Microsystems, the library V8 itself derives from), built only from IEEE-754 basic
 * operations, which every engine rounds identically. Accuracy is fdlibm's: under 1 ulp for `exp` and
 * `log`; `pow(x, y)` for non-integer `y` is `exp(y · log x)`, within about |y · ln x| · 2^-53 relative.
 */

const F64 = new Float64Array(1);
const U32 = new Uint32Array(F64.buffer);
// Index of the high 32-bit word of a double (1 on little-endian machines).
const HI = new Uint8Array(new Uint16Array([1]).buffer)[0] === 1 ? 1 : 0;
const LO = 1 - HI;

function highWord(x: number): number {
  F64[0] = x;
  return U32[HI] | 0;
}

/** 2^k for an integer k in [-1022, 1023], exactly (from its bits). */
function twoTo(k: number): number {
  U32[HI] = (k + 1023) << 20;
  U32[LO] = 0;
  return F64[0];
}

const LN2_HI = 6.93147180369123816490e-01;
const LN2_LO = 1.90821492927058770002e-10;
const INV_LN2 = 1.44269504088896338700e+00;
const P1 = 1.66666666666666019037e-01;
const P2 = -2.77777777770155933842e-03;
const P3 = 6.61375632143793436117e-05;
const P4 = -1.65339022054652515390e-06;
const P5 = 4.13813679705723846039e-08;

/** e^x (fdlibm `__ieee754_exp`). @example exp(1) // => 2.718281828459045 */
export function exp(x: number): number {
  if (x !== x) return x;
  if (x > 7.09782712893383973096e+02) return Infinity;
  if (x < -7.45133219101941108420e+02) return 0;
  const ax = x < 0 ? -x : x;
  let hi = 0;
  let lo = 0;
  let k = 0;
  if (ax > 0.34657359027997264) {
    if (ax < 1.0397207708399179) {
      hi = x < 0 ? x + LN2_HI : x - LN2_HI;
      lo = x < 0 ? -LN2_LO : LN2_LO;
      k = x < 0 ? -1 : 1;
    } else {
      k = Math.trunc(INV_LN2 * x + (x < 0 ? -0.5 : 0.5));
      hi = x - k * LN2_HI;
      lo = k * LN2_LO;
    }
    x = hi - lo;
  } else if (ax < 3.725290298461914e-9) {
    return 1 + x;
  }
  const t = x * x;
  const c = x - t * (P1 + t * (P2 + t * (P3 + t * (P4 + t * P5))));
  if (k === 0) return 1 - ((x * c) / (c - 2) - x);
  const y = 1 - ((lo - (x * c) / (2 - c)) - hi);
  if (k >= -1021) return k === 1024 ? y * 2 * twoTo(1023) : y * twoTo(k);
  return y * twoTo(k + 1000) * twoTo(-1000);
}

const TWO54 = 1.80143985094819840000e+16;
const LG1 = 6.666666666666735130e-01;
const LG2 = 3.999999999940941908e-01;
const LG3 = 2.857142874366239149e-01;
const LG4 = 2.222219843214978396e-01;
const LG5 = 1.818357216161805012e-01;
const LG6 = 1.531383769920937332e-01;
const LG7 = 1.479819860511658591e-01;

/** The natural logarithm (fdlibm `__ieee754_log`). @example log(Math.E) // => 1 */
export function log(x: number): number {
  if (x !== x || x < 0) return NaN;
  if (x === 0) return -Infinity;
  if (x === Infinity) return x;
  let k = 0;
  let hx = highWord(x);
  if (hx < 0x00100000) {
    k -= 54;
    x *= TWO54;
    hx = highWord(x);
  }
  k += (hx >> 20) - 1023;
  hx &= 0x000fffff;
  const i0 = (hx + 0x95f64) & 0x100000;
  F64[0] = x;
  U32[HI] = hx | (i0 ^ 0x3ff00000);
  x = F64[0];
  k += i0 >> 20;
  const f = x - 1;
  const dk = k;
  if ((0x000fffff & (2 + hx)) < 3) {
    if (f === 0) return k === 0 ? 0 : dk * LN2_HI + dk * LN2_LO;
    const R = f * f * (0.5 - 0.33333333333333333 * f);
    return k === 0 ? f - R : dk * LN2_HI - ((R - dk * LN2_LO) - f);
  }
  const s = f / (2 + f);
  const z = s * s;
  const w = z * z;
  const i = (hx - 0x6147a) | (0x6b851 - hx);
  const t1 = w * (LG2 + w * (LG4 + w * LG6));
  const t2 = z * (LG1 + w * (LG3 + w * (LG5 + w * LG7)));
  const R = t2 + t1;
  if (i > 0) {
    const hfsq = 0.5 * f * f;
    return k === 0 ? f - (hfsq - s * (hfsq + R)) : dk * LN2_HI - ((hfsq - (s * (hfsq + R) + dk * LN2_LO)) - f);
  }
  return k === 0 ? f - s * (f - R) : dk * LN2_HI - ((s * (f - R) - dk * LN2_LO) - f);
}

/** log(1 + x), accurate for small x: log(u) corrected by the rounding of u = 1 + x. @example log1p(0) // => 0 */
export function log1p(x: number): number {
  const u = 1 + x;
  if (u === 1) return x;
  return log(u) * (x / (u - 1));
}

/**
 * x^y: exact repeated squaring for integer y up to 64 in size, else exp(y · log x) for x > 0.
 * @example pow(2, 10) // => 1024
 */
export function pow(x: number, y: number): number {
  if (y === 0) return 1;
  if (Number.isInteger(y) && y <= 64 && y >= -64) {
    let n = y < 0 ? -y : y;
    let b = x;
    let r = 1;
    while (n > 0) {
      if (n & 1) r *= b;
      b *= b;
      n >>= 1;
    }
    return y < 0 ? 1 / r : r;
  }
  if (x > 0) return x === Infinity ? (y > 0 ? Infinity : 0) : exp(y * log(x));
  if (x === 0) return y > 0 ? 0 : Infinity;
  return NaN;
}

const S1 = -1.66666666666666324348e-01;
const S2 = 8.33333333332248946124e-03;
const S3 = -1.98412698298579493134e-04;
const S4 = 2.75573137070700676789e-06;
const S5 = -2.50507602534068634195e-08;
const S6 = 1.58969099521155010221e-10;
const C1 = 4.16666666666666019037e-02;
const C2 = -1.38888888888741095749e-03;
const C3 = 2.48015872894767294178e-05;
const C4 = -2.75573143513906633035e-07;
const C5 = 2.08757232129817482790e-09;
const C6 = -1.13596475577881948265e-11;
const PIO2_1 = 1.57079632673412561417e+00;
const PIO2_1T = 6.07710050650619224932e-11;
const INV_PIO2 = 6.36619772367581382433e-01;

/** fdlibm `__kernel_sin` on [-π/4, π/4] (tail of the reduced argument left out). */
function kernelSin(x: number): number {
  const z = x * x;
  const v = z * x;
  const r = S2 + z * (S3 + z * (S4 + z * (S5 + z * S6)));
  return x + v * (S1 + z * r);
}

/** fdlibm `__kernel_cos` on [-π/4, π/4] (tail of the reduced argument left out). */
function kernelCos(x: number): number {
  const z = x * x;
  const r = z * (C1 + z * (C2 + z * (C3 + z * (C4 + z * (C5 + z * C6)))));
  const ix = highWord(x) & 0x7fffffff;
  if (ix < 0x3fd33333) return 1 - (0.5 * z - z * r);
  let qx = 0.28125;
  if (ix <= 0x3fe90000) {
    U32[HI] = ix - 0x00200000;
    U32[LO] = 0;
    qx = F64[0];
  }
  const hz = 0.5 * z - qx;
  return (1 - qx) - (hz - z * r);
}

/** Quadrant n and reduced argument r = x − n·π/2 in [-π/4, π/4] (Cody–Waite, for |x| < 2^19·π/2). */
function reduce(x: number): { n: number; r: number } {
  if (!(Math.abs(x) < 823549.6)) throw new RangeError(`sin/cos argument ${x} outside the supported range |x| < 823549.6`);
  const n = Math.round(x * INV_PIO2);
  return { n, r: (x - n * PIO2_1) - n * PIO2_1T };
}

/** sin x for |x| < 823,549 (fdlibm kernels, one-step reduction). @example sin(0) // => 0 */
export function sin(x: number): number {
  const { n, r } = reduce(x);
  switch (((n % 4) + 4) % 4) {
    case 0: return kernelSin(r);
    case 1: return kernelCos(r);
    case 2: return -kernelSin(r);
    default: return -kernelCos(r);
  }
}

/** cos x for |x| < 823,549 (fdlibm kernels, one-step reduction). @example cos(0) // => 1 */
export function cos(x: number): number {
  const { n, r } = reduce(x);
  switch (((n % 4) + 4) % 4) {
    case 0: return kernelCos(r);
    case 1: return -kernelSin(r);
    case 2: return -kernelCos(r);
    default: return kernelSin(r);
  }
}
