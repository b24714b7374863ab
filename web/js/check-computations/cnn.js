// Convolutional networks: one cell of a feature map, a convolution layer's output size and parameters.

import { need, whole, scoped } from './args.js';

export const computations = {
  // One cell of a feature map: the kernel laid on a patch of the same size, by convolve2d.
  convolution: (ml, a) => {
    const patch = need(a, 'patch', 'list');
    const kernel = need(a, 'kernel', 'list');
    const k = Math.round(Math.sqrt(kernel.length));
    if (k * k !== kernel.length || patch.length !== kernel.length) throw new RangeError('needs patch= and kernel= of the same square size, e.g. 9 numbers each');
    const map = ml.convolve2d(patch, k, kernel, 'valid');
    return { value: map.values[0] };
  },
  // A convolution layer on a side × side image with `filters` kernels of kernel × kernel over
  // `channels` input channels, stride and zero padding: the side of each output map
  // ⌊(side + 2·padding − kernel) / stride⌋ + 1 (engine convOutputSize), the values per map and in
  // all maps, and the layer's parameter count (filters·channels·kernel² weights + filters biases,
  // read from an engine ConvNet built with those settings when they fit its limits).
  'conv-layer': (ml, a) => {
    const side = whole(a, 'n', 1, 100000);
    const kernel = whole(a, 'k', 1, 100000);
    const stride = whole(a, 's', 1, 100000, 1);
    const padding = whole(a, 'p', 0, 100000, 0);
    const filters = whole(a, 'filters', 1, 1024, 1);
    const channels = whole(a, 'channels', 1, 1024, 1);
    const out = ml.convOutputSize(side, kernel, stride, padding);
    let params = filters * channels * kernel * kernel + filters;
    if (side <= 64 && channels <= 4 && filters <= 32 && kernel <= 7 && stride <= 4 && padding < kernel) {
      params = scoped((track) => {
        const net = track(new ml.ConvNet());
        net.setInputShape(channels, side, side);
        net.setPool(1);
        net.setConv(filters, kernel, stride, padding);
        return net.layerParamCounts()[0];
      });
    }
    return { size: out, values: out * out, allValues: filters * out * out, params };
  },
};
