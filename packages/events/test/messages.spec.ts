import { DomainError } from "@arbetsliv/core";
import { positionAfter } from "../src/feed/feed-cursor";
import { checkWebhookUrl } from "../src/webhooks";

/** Every error the events package throws carries its message in English and Swedish. */
describe("error messages in English and Swedish", () => {
  const policy = { allowHttp: false, allowPrivateTargets: false };
  const thrown = async (run: () => unknown): Promise<DomainError> => {
    try {
      await run();
    } catch (e) {
      return e as DomainError;
    }
    throw new Error("nothing was thrown");
  };

  it.each([
    ["ftp://hooks.example.org/x", "input.url: must use https (was ftp)", "input.url: måste använda https (var ftp)"],
    ["not a url", "input.url: is not an absolute URL", "input.url: är ingen absolut URL"],
    [
      "https://user:pw@hooks.example.org/x",
      "input.url: must not contain a user name or password",
      "input.url: får inte innehålla användarnamn eller lösenord",
    ],
    [
      "https://localhost/x",
      "input.url: must not target the platform's own network (localhost is the local machine); WEBHOOK_ALLOW_PRIVATE_TARGETS=true allows it, for development only",
      "input.url: får inte peka på plattformens eget nätverk (localhost är den lokala datorn); WEBHOOK_ALLOW_PRIVATE_TARGETS=true tillåter det, men bara under utveckling",
    ],
  ])("a refused webhook URL %s", async (url, en, sv) => {
    const error = await thrown(() => checkWebhookUrl(url, policy));
    expect(error).toBeInstanceOf(DomainError);
    expect(error.message).toBe(en);
    expect(error.swedishMessage).toBe(sv);
  });

  it("a cursor the feed did not hand out", async () => {
    const error = await thrown(() => positionAfter("bogus"));
    expect(error.message).toBe("after: is not a cursor this feed returned (pass pageInfo.endCursor)");
    expect(error.swedishMessage).toBe(
      "after: är ingen markör som det här flödet har lämnat (skicka pageInfo.endCursor)",
    );
  });
});
