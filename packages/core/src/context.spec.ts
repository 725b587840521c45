import { BatchLoader } from "./context";

describe("BatchLoader", () => {
  it("hands back values a batch already loaded without a promise; others through load", async () => {
    const batches: number[][] = [];
    const loader = BatchLoader.create<number, string>(async (keys) => {
      batches.push([...keys]);
      return keys.map((k) => `value ${k}`);
    });
    expect(loader.peek(1)).toBeUndefined();
    await loader.prefetch([1, 2, 2, 3]);
    expect(batches).toEqual([[1, 2, 3]]);
    expect(loader.peek(1)).toBe("value 1");
    expect(loader.peek(5)).toBeUndefined(); // peeking never loads
    expect(loader.get(2)).toBe("value 2");
    const later = loader.get(4);
    expect(later).toBeInstanceOf(Promise);
    expect(await later).toBe("value 4");
    expect(loader.get(4)).toBe("value 4"); // remembered from DataLoader's batch too
    await loader.prefetch([1, 4]); // nothing left to load
    expect(batches).toEqual([[1, 2, 3], [4]]);
    await new Promise((resolve) => setImmediate(resolve));
    expect(batches).toHaveLength(2); // no batch for the key 5 that was only peeked at
    loader.clear(2);
    expect(loader.get(2)).toBeInstanceOf(Promise);
  });

  it("leaves a key unloaded when its prefetch fails, so the field's own load reports the error", async () => {
    let fail = true;
    const loader = BatchLoader.create<number, string>(async (keys) => {
      if (fail) throw new Error("database unavailable");
      return keys.map((k) => (k === 9 ? new Error("no such row") : `value ${k}`));
    });
    await expect(loader.prefetch([1])).resolves.toBeUndefined();
    await expect(loader.get(1)).rejects.toThrow("database unavailable");
    fail = false;
    loader.clearAll();
    await loader.prefetch([1, 9]);
    expect(loader.get(1)).toBe("value 1");
    await expect(loader.get(9)).rejects.toThrow("no such row");
  });
});
