#include "NeuralRows.h"

#include "CIntrinsics.h"

#if defined(__x86_64__)
#include <immintrin.h>

__attribute__((target("avx2,fma"))) static float sum8(__m256 v) {
    __m128 half = _mm_add_ps(_mm256_castps256_ps128(v), _mm256_extractf128_ps(v, 1));
    half = _mm_add_ps(half, _mm_movehl_ps(half, half));
    half = _mm_add_ss(half, _mm_movehdup_ps(half));
    return _mm_cvtss_f32(half);
}

// One rating (`pair` 1) or two side by side (`pair` 2: the second's input and hidden layer follow
// the first's), sharing every load of W1 and every update of dW1 between them. Two ratings
// add into the gradients in the same order as one after the other, so pairing does not change
// the result; it halves the memory traffic of the two big loops and doubles their independent
// chains of fused multiply-adds.
__attribute__((target("avx2,fma"), always_inline)) static inline void neural_step_avx2(
    const int pair, int width, int units, const float *x, const float *targets, float scale, const float *w1,
    const float *c1, const float *w2, float c2, float *errors, float *dx, float *w1_gradient, float *c1_gradient,
    float *w2_gradient, float *c2_gradient, float *h) {
    const int whole = units / 8 * 8;
    const float *xa = x, *xb = x + width;
    float *ha = h, *hb = h + units;
    // Forward: h = relu(x W1 + c1), then p = h . w2 + c2. Four blocks of eight units at a time
    // for both ratings: eight independent chains of fused multiply-adds over the inputs.
    __m256 outputsA = _mm256_setzero_ps(), outputsB = _mm256_setzero_ps();
    int u = 0;
    for (; u + 32 <= whole; u += 32) {
        __m256 a[4], b[4];
        for (int k = 0; k < 4; k++) a[k] = b[k] = _mm256_loadu_ps(c1 + u + 8 * k);
        for (int j = 0; j < width; j++) {
            const float *row = w1 + (long)j * units + u;
            const __m256 xaj = _mm256_set1_ps(xa[j]);
            const __m256 xbj = _mm256_set1_ps(pair == 2 ? xb[j] : 0);
            for (int k = 0; k < 4; k++) {
                const __m256 w = _mm256_loadu_ps(row + 8 * k);
                a[k] = _mm256_fmadd_ps(xaj, w, a[k]);
                if (pair == 2) b[k] = _mm256_fmadd_ps(xbj, w, b[k]);
            }
        }
        for (int k = 0; k < 4; k++) {
            const __m256 w2v = _mm256_loadu_ps(w2 + u + 8 * k);
            a[k] = _mm256_max_ps(a[k], _mm256_setzero_ps());
            _mm256_storeu_ps(ha + u + 8 * k, a[k]);
            outputsA = _mm256_fmadd_ps(a[k], w2v, outputsA);
            if (pair == 2) {
                b[k] = _mm256_max_ps(b[k], _mm256_setzero_ps());
                _mm256_storeu_ps(hb + u + 8 * k, b[k]);
                outputsB = _mm256_fmadd_ps(b[k], w2v, outputsB);
            }
        }
    }
    for (; u < whole; u += 8) {
        __m256 sumA = _mm256_loadu_ps(c1 + u), sumB = sumA;
        for (int j = 0; j < width; j++) {
            const __m256 w = _mm256_loadu_ps(w1 + (long)j * units + u);
            sumA = _mm256_fmadd_ps(_mm256_set1_ps(xa[j]), w, sumA);
            if (pair == 2) sumB = _mm256_fmadd_ps(_mm256_set1_ps(xb[j]), w, sumB);
        }
        const __m256 w2v = _mm256_loadu_ps(w2 + u);
        sumA = _mm256_max_ps(sumA, _mm256_setzero_ps());
        _mm256_storeu_ps(ha + u, sumA);
        outputsA = _mm256_fmadd_ps(sumA, w2v, outputsA);
        if (pair == 2) {
            sumB = _mm256_max_ps(sumB, _mm256_setzero_ps());
            _mm256_storeu_ps(hb + u, sumB);
            outputsB = _mm256_fmadd_ps(sumB, w2v, outputsB);
        }
    }
    float outputs[2] = {sum8(outputsA), pair == 2 ? sum8(outputsB) : 0};
    for (int r = 0; r < pair; r++) {
        const float *xr = x + r * width;
        float *hr = h + r * units;
        for (int u = whole; u < units; u++) {
            float sum = c1[u];
            for (int j = 0; j < width; j++) sum = __builtin_fmaf(xr[j], w1[(long)j * units + u], sum);
            hr[u] = sum > 0 ? sum : 0;
            outputs[r] = __builtin_fmaf(hr[u], w2[u], outputs[r]);
        }
    }
    float d[2] = {0, 0};
    for (int r = 0; r < pair; r++) {
        const float error = outputs[r] + c2 - targets[r];
        errors[r] = error;
        d[r] = scale * error;
        *c2_gradient += d[r];
    }
    // Backward through the output layer; h becomes g = d w2 (h > 0).
    const __m256 da = _mm256_set1_ps(d[0]), db = _mm256_set1_ps(d[1]);
    for (int u = 0; u < whole; u += 8) {
        const __m256 w2v = _mm256_loadu_ps(w2 + u);
        const __m256 hva = _mm256_loadu_ps(ha + u);
        __m256 w2g = _mm256_fmadd_ps(da, hva, _mm256_loadu_ps(w2_gradient + u));
        const __m256 ga = _mm256_and_ps(_mm256_cmp_ps(hva, _mm256_setzero_ps(), _CMP_GT_OQ), _mm256_mul_ps(da, w2v));
        __m256 c1g = _mm256_add_ps(_mm256_loadu_ps(c1_gradient + u), ga);
        _mm256_storeu_ps(ha + u, ga);
        if (pair == 2) {
            const __m256 hvb = _mm256_loadu_ps(hb + u);
            w2g = _mm256_fmadd_ps(db, hvb, w2g);
            const __m256 gb =
                _mm256_and_ps(_mm256_cmp_ps(hvb, _mm256_setzero_ps(), _CMP_GT_OQ), _mm256_mul_ps(db, w2v));
            c1g = _mm256_add_ps(c1g, gb);
            _mm256_storeu_ps(hb + u, gb);
        }
        _mm256_storeu_ps(w2_gradient + u, w2g);
        _mm256_storeu_ps(c1_gradient + u, c1g);
    }
    for (int r = 0; r < pair; r++) {
        float *hr = h + r * units;
        for (int u = whole; u < units; u++) {
            w2_gradient[u] = __builtin_fmaf(d[r], hr[u], w2_gradient[u]);
            const float g = hr[u] > 0 ? d[r] * w2[u] : 0;
            c1_gradient[u] += g;
            hr[u] = g;
        }
    }
    // dW1 += x^T g and dx = W1 g, two rows of W1 at a time (the width, 2k + 2, is even): four
    // independent chains for dx, and each g loaded once for both rows.
    for (int j = 0; j < width; j += 2) {
        const __m256 xa0 = _mm256_set1_ps(xa[j]), xa1 = _mm256_set1_ps(xa[j + 1]);
        const __m256 xb0 = _mm256_set1_ps(pair == 2 ? xb[j] : 0), xb1 = _mm256_set1_ps(pair == 2 ? xb[j + 1] : 0);
        const float *row0 = w1 + (long)j * units, *row1 = row0 + units;
        float *gradient0 = w1_gradient + (long)j * units, *gradient1 = gradient0 + units;
        __m256 backA0 = _mm256_setzero_ps(), backA1 = backA0, backB0 = backA0, backB1 = backA0;
        for (int u = 0; u < whole; u += 8) {
            const __m256 w0 = _mm256_loadu_ps(row0 + u), w1v = _mm256_loadu_ps(row1 + u);
            const __m256 ga = _mm256_loadu_ps(ha + u);
            __m256 g0 = _mm256_fmadd_ps(xa0, ga, _mm256_loadu_ps(gradient0 + u));
            __m256 g1 = _mm256_fmadd_ps(xa1, ga, _mm256_loadu_ps(gradient1 + u));
            backA0 = _mm256_fmadd_ps(w0, ga, backA0);
            backA1 = _mm256_fmadd_ps(w1v, ga, backA1);
            if (pair == 2) {
                const __m256 gb = _mm256_loadu_ps(hb + u);
                g0 = _mm256_fmadd_ps(xb0, gb, g0);
                g1 = _mm256_fmadd_ps(xb1, gb, g1);
                backB0 = _mm256_fmadd_ps(w0, gb, backB0);
                backB1 = _mm256_fmadd_ps(w1v, gb, backB1);
            }
            _mm256_storeu_ps(gradient0 + u, g0);
            _mm256_storeu_ps(gradient1 + u, g1);
        }
        float back[2][2] = {{sum8(backA0), sum8(backA1)}, {sum8(backB0), sum8(backB1)}};
        for (int r = 0; r < pair; r++) {
            const float *xr = x + r * width;
            const float *hr = h + r * units;
            for (int u = whole; u < units; u++) {
                gradient0[u] = __builtin_fmaf(xr[j], hr[u], gradient0[u]);
                gradient1[u] = __builtin_fmaf(xr[j + 1], hr[u], gradient1[u]);
                back[r][0] = __builtin_fmaf(row0[u], hr[u], back[r][0]);
                back[r][1] = __builtin_fmaf(row1[u], hr[u], back[r][1]);
            }
            dx[r * width + j] = back[r][0];
            dx[r * width + j + 1] = back[r][1];
        }
    }
}

__attribute__((target("avx2,fma"))) static void neural_rows_avx2(
    int count, int width, int units, const float *x, const float *targets, float scale, const float *w1,
    const float *c1, const float *w2, float c2, float *errors, float *dx, float *w1_gradient, float *c1_gradient,
    float *w2_gradient, float *c2_gradient, float *h) {
    int i = 0;
    for (; i + 2 <= count; i += 2) {
        neural_step_avx2(
            2, width, units, x + (long)i * width, targets + i, scale, w1, c1, w2, c2, errors + i, dx + (long)i * width,
            w1_gradient, c1_gradient, w2_gradient, c2_gradient, h);
    }
    if (i < count) {
        neural_step_avx2(
            1, width, units, x + (long)i * width, targets + i, scale, w1, c1, w2, c2, errors + i, dx + (long)i * width,
            w1_gradient, c1_gradient, w2_gradient, c2_gradient, h);
    }
}
#endif

static void neural_rows_portable(
    int count, int width, int units, const float *x, const float *targets, float scale, const float *w1,
    const float *c1, const float *w2, float c2, float *errors, float *dx, float *w1_gradient, float *c1_gradient,
    float *w2_gradient, float *c2_gradient, float *h) {
    for (int i = 0; i < count; i++) {
        const float *xi = x + (long)i * width;
        for (int u = 0; u < units; u++) h[u] = c1[u];
        for (int j = 0; j < width; j++) {
            for (int u = 0; u < units; u++) h[u] += xi[j] * w1[(long)j * units + u];
        }
        float output = 0;
        for (int u = 0; u < units; u++) {
            if (h[u] < 0) h[u] = 0;
            output += h[u] * w2[u];
        }
        const float error = output + c2 - targets[i];
        errors[i] = error;
        const float d = scale * error;
        *c2_gradient += d;
        for (int u = 0; u < units; u++) {
            w2_gradient[u] += d * h[u];
            const float g = h[u] > 0 ? d * w2[u] : 0;
            c1_gradient[u] += g;
            h[u] = g;
        }
        for (int j = 0; j < width; j++) {
            float total = 0;
            for (int u = 0; u < units; u++) {
                w1_gradient[(long)j * units + u] += xi[j] * h[u];
                total += w1[(long)j * units + u] * h[u];
            }
            dx[(long)i * width + j] = total;
        }
    }
}

void recbook_neural_rows(
    int count, int width, int units, const float *x, const float *targets, float scale, const float *w1,
    const float *c1, const float *w2, float c2, float *errors, float *dx, float *w1_gradient, float *c1_gradient,
    float *w2_gradient, float *c2_gradient, float *hidden) {
#if defined(__x86_64__)
    static int fused = -1;  // a benign race: every thread computes the same answer
    if (fused < 0) fused = recbook_cpu_has_avx2_fma();
    if (fused && width % 2 == 0) {
        neural_rows_avx2(
            count, width, units, x, targets, scale, w1, c1, w2, c2, errors, dx, w1_gradient, c1_gradient, w2_gradient,
            c2_gradient, hidden);
        return;
    }
#endif
    neural_rows_portable(
        count, width, units, x, targets, scale, w1, c1, w2, c2, errors, dx, w1_gradient, c1_gradient, w2_gradient,
        c2_gradient, hidden);
}
