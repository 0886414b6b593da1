/**
 * /robustness/tornado.json: the build-time tornadoes (src/components/robustness/data.ts) for every regime
 * and headline metric, top bars only (src/lib/tornado.ts), read by the explorer's tornado view.
 */
import type { APIRoute } from "astro";
import { ROBUSTNESS_SIZES as S, robustnessData } from "../../components/robustness/data";
import { getRegistry } from "../../lib/registry";
import { tornadoPayload } from "../../lib/tornado";

export const GET: APIRoute = () => {
  const data = robustnessData(getRegistry());
  const body = tornadoPayload(data.tornado, { creators: S.creators, developers: S.developers, seed: S.tornadoSeed, year: S.year });
  return new Response(JSON.stringify(body), { headers: { "Content-Type": "application/json" } });
};
