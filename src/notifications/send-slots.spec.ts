import { SendSlots } from './send-slots';

describe('SendSlots', () => {
  it('takes as many free slots as wanted, up to the size', async () => {
    const slots = new SendSlots(5);
    expect(await slots.take(3)).toBe(3);
    expect(await slots.take(4)).toBe(2);
  });

  it('makes a taker wait until slots are given back, then gives them in the order asked', async () => {
    const slots = new SendSlots(5);
    await slots.take(5);
    const order: string[] = [];
    const batch = slots.take(5).then((n) => order.push(`batch ${n}`));
    const single = slots.take(1).then((n) => order.push(`single ${n}`));
    await Promise.resolve();
    expect(order).toEqual([]);

    slots.give(2);
    await batch;
    expect(order).toEqual(['batch 2']);
    slots.give(1);
    await single;
    expect(order).toEqual(['batch 2', 'single 1']);
  });

  it('serves one waiting before a batch that gives its slots back and asks again', async () => {
    const slots = new SendSlots(5);
    expect(await slots.take(5)).toBe(5);
    const single = slots.take(1);
    slots.give(5);
    const again = slots.take(5);
    expect(await single).toBe(1);
    expect(await again).toBe(4);
  });

  it('takes the slots free now without waiting', async () => {
    const slots = new SendSlots(5);
    expect(await slots.take(2)).toBe(2);
    expect(slots.takeFree(4)).toBe(3);
    expect(slots.takeFree(1)).toBe(0);
    expect(slots.takeFree(-2)).toBe(0);
  });
});
