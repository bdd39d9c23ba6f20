throw new Error('no configuration here');
