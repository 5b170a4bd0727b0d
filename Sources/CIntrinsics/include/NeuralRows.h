#ifndef RECBOOK_NEURAL_ROWS_H
#define RECBOOK_NEURAL_ROWS_H

// The neural model's two dense layers, forward and backward, one rating at a time:
//
//     h = relu(x W1 + c1),  p = h . w2 + c2,  e = p - target,  d = scale * e
//     dW1 += x^T g,  dc1 += g,  dw2 += d h,  dc2 += d,  dx = W1 g,  where g = d w2 (h > 0)
//
// for `count` ratings whose inputs x are `width` floats each (row after row); W1 is
// width x units, row-major. Writes each rating's error and dLoss/dx, adds the dense gradients.
// `hidden` is scratch for two hidden layers (2 x units floats).
//
// Why by hand rather than OpenBLAS (which recbook used before): the layers are skinny (width 12,
// 80 units for the article's model), so three matrix products per chunk spent much of their time
// packing operands, and the elementwise steps between them made four more passes over the hidden
// layer. Here each rating's hidden layer stays in L1 from the forward pass to the last gradient,
// and two ratings share every load of W1. On the douban preset (45 epochs, two threads) the
// neural model trained in 7.4 s lazy / 17 s exact with OpenBLAS and trains in 4.3 s / 12 s with
// this kernel. With AVX2 and FMA (checked at run time) the loops run eight lanes with fused
// multiply-adds; elsewhere a portable loop computes the same quantities, rounded differently.
void recbook_neural_rows(
    int count, int width, int units, const float *x, const float *targets, float scale, const float *w1,
    const float *c1, const float *w2, float c2, float *errors, float *dx, float *w1_gradient, float *c1_gradient,
    float *w2_gradient, float *c2_gradient, float *hidden);

#endif
