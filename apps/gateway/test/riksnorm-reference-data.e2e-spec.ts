import { coreModule } from "@arbetsliv/core";
import { testDatabaseKind } from "@arbetsliv/core/testing";
import { ekonomisktBistandModule } from "@arbetsliv/ekonomiskt-bistand";
import { TestGateway } from "./harness";

/** A module's reference data is loaded when the gateway starts, with no demo seed (a real installation). */
describe(`reference data at start on ${testDatabaseKind()}`, () => {
  let gw: TestGateway;
  beforeAll(async () => {
    gw = await TestGateway.start({ DEMO_SEED: "false" }, [coreModule, ekonomisktBistandModule]);
  });
  afterAll(() => gw.stop());

  it("an empty installation has the verified riksnorm years, each with its source", async () => {
    const data = await gw.ok(`{ riksnormYears { year source addedBy } }`, { scopes: ["ekonomiskt-bistand:stats"] });
    expect(data.riksnormYears.map((y: { year: number }) => y.year)).toEqual([2019, 2021, 2023]);
    expect(data.riksnormYears[1]).toMatchObject({
      source: expect.stringContaining("SFS 2020:1013"),
      addedBy: "reference-data",
    });
  });
});
