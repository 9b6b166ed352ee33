// A client generated from the services' OpenAPI documents (openapi-typescript + openapi-fetch),
// used through the gateway the way a client's author would. The types come from the documents
// the gateway serves at /api/<service>/openapi/v1.json: if an answer loses its schema, or a
// field its type, this file stops compiling and the check fails.
import { test } from "node:test";
import assert from "node:assert/strict";
import createClient from "openapi-fetch";
import type { components, paths as PpidPaths } from "./generated/ppid.js";
import type { paths as CalendarPaths } from "./generated/calendar.js";

type RequestView = components["schemas"]["RequestView"];
type Registered = components["schemas"]["Registered"];

const baseUrl = process.env.HUMAS_GATEWAY_URL ?? "http://127.0.0.1:8080";
// A JSON client: the endpoints that also answer text/csv (format=csv) are typed by their JSON
// answer, and every error by its problem details.
type Json = "application/json" | "application/problem+json";
const ppid = createClient<PpidPaths, Json>({ baseUrl });

/** A regency unit picked at random, so that repeated runs against one database do not share counts. */
const unitId = `kpu-33.${String(1 + Math.floor(Math.random() * 29)).padStart(2, "0")}`;

/** In development the gateway hands out tokens; in production they come from the identity provider. */
async function token(subject: string, role: string, unit: string): Promise<string> {
  const response = await fetch(`${baseUrl}/dev/tokens`, {
    method: "POST",
    headers: { "content-type": "application/json" },
    body: JSON.stringify({ subject, roles: [role], unit }),
  });
  assert.equal(response.status, 200, await response.clone().text());
  return ((await response.json()) as { token: string }).token;
}

const signedIn = async <Paths extends {}>(role: string) =>
  createClient<Paths, Json>({ baseUrl, headers: { Authorization: `Bearer ${await token(`openapi-client-${role}`, role, unitId)}` } });

/** The cursor of the next page, from the answer's `Link: <…>; rel="next"`, if there is one. */
function nextCursor(response: Response): string | undefined {
  const next = /<([^>]+)>\s*;\s*rel="?next"?/.exec(response.headers.get("link") ?? "")?.[1];
  return next ? (new URL(next, baseUrl).searchParams.get("cursor") ?? undefined) : undefined;
}

let lastRegistered: Registered | undefined;

async function register(): Promise<Registered> {
  const { data, error, response } = await ppid.POST("/api/ppid/requests", {
    body: {
      unitId,
      requester: {
        type: "individual",
        fullName: "Siti Aminah",
        nik: "3321015708900001",
        legalEntityDecree: null,
        address: "Jl. Sultan Fatah 1, Demak",
        phone: "081234567890",
        email: null,
        powerOfAttorney: null,
      },
      informationRequested: "Salinan berita acara rekapitulasi tingkat kecamatan",
      purpose: "Penelitian skripsi",
      obtainBy: ["copy"],
      deliveryBy: "email",
    },
  });
  assert.equal(response.status, 201, JSON.stringify(error));
  assert.ok(data);
  lastRegistered = data;
  return data;
}

test("the public calculator computes a due date", async () => {
  const { data, error } = await ppid.GET("/api/ppid/deadlines", {
    params: { query: { unitId, rule: "answer", from: "2025-06-02" } },
  });
  assert.equal(error, undefined);
  assert.ok(data);
  const workingDays: number = data.workingDays;
  const dueDate: string = data.dueDate;
  assert.equal(workingDays, 10);
  assert.match(dueDate, /^2025-06-\d\d$/);
  assert.ok(Array.isArray(data.skippedDays));
});

test("a wrong unit is a validation problem the client can read", async () => {
  const { data, error, response } = await ppid.GET("/api/ppid/deadlines", {
    params: { query: { unitId: "no-such-unit" } },
  });
  assert.equal(data, undefined);
  assert.equal(response.status, 400);
  assert.ok(error);
  assert.ok(error.errors?.["unitId"]?.length, JSON.stringify(error));
});

test("a requester registers and follows the request with the access code", async () => {
  const registered = await register();
  const number: string = registered.registrationNumber;
  assert.equal(registered.unitId, unitId);
  assert.equal(registered.status, "registered");
  assert.match(registered.dueDate, /^\d{4}-\d\d-\d\d$/);

  const followed = await ppid.GET("/api/ppid/requests/{registrationNumber}", {
    params: { path: { registrationNumber: number }, header: { "X-Access-Code": registered.accessCode } },
  });
  assert.equal(followed.response.status, 200, JSON.stringify(followed.error));
  const view: RequestView | undefined = followed.data;
  assert.ok(view);
  assert.equal(view.registrationNumber, number);
  assert.equal(view.status, "registered");
  assert.equal(view.dueDate, registered.dueDate);
  assert.equal(view.requester, undefined, "only officers see the requester");
  assert.match(followed.response.headers.get("etag") ?? "", /^"\d+"$/);

  const withoutCode = await ppid.GET("/api/ppid/requests/{registrationNumber}", {
    params: { path: { registrationNumber: number } },
  });
  assert.equal(withoutCode.response.status, 401);
  assert.ok(withoutCode.error?.title);

  const wrongCode = await ppid.GET("/api/ppid/requests/{registrationNumber}", {
    params: { path: { registrationNumber: number }, header: { "X-Access-Code": "WRONGCODE2" } },
  });
  assert.equal(wrongCode.response.status, 403);
});

test("officers read the register, and the calendar learns the due date", async () => {
  const registered = await register();
  const officer = await signedIn<PpidPaths>("ppid-officer");
  const register_ = await officer.GET("/api/ppid/requests", { params: { query: { unitId } } });
  assert.equal(register_.response.status, 200, JSON.stringify(register_.error));
  const entry = register_.data?.find((e) => e.registrationNumber === registered.registrationNumber);
  assert.ok(entry, "the new request is in the register");
  const name: string = entry.requesterName;
  assert.equal(name, "Siti Aminah");

  const calendar = await signedIn<CalendarPaths>("humas-officer");
  // A list answers a page at a time; the Link header's rel="next" carries the cursor of the next one.
  const deadline = async () => {
    for (let cursor: string | undefined; ; ) {
      const { data, error, response } = await calendar.GET("/api/calendar/request-deadlines", { params: { query: { unitId, limit: 1000, cursor } } });
      assert.equal(error, undefined, JSON.stringify(error));
      const found = data?.deadlines.find((d) => d.registrationNumber === registered.registrationNumber);
      cursor = nextCursor(response);
      if (found || !cursor) return found;
    }
  };
  let seen = await deadline();
  for (let attempt = 0; !seen && attempt < 60; attempt++) {
    await new Promise((resolve) => setTimeout(resolve, 500));
    seen = await deadline();
  }
  assert.ok(seen, "the calendar received the registration within 30 s");
  assert.equal(seen.dueDate, registered.dueDate);
});

test("anyone reads the public list and the annual report", async () => {
  const list = await ppid.GET("/api/ppid/information-list", { params: { query: { unitId } } });
  assert.equal(list.response.status, 200, JSON.stringify(list.error));
  assert.ok(Array.isArray(list.data));
  for (const entry of list.data) assert.equal(entry.unitId, unitId);

  // The year of receipt as the unit counts it: the registrations above are in its report.
  const year = Number((lastRegistered?.receivedAt ?? new Date().toISOString()).slice(0, 4));
  const report = await ppid.GET("/api/ppid/reports/annual", { params: { query: { unitId, year } } });
  assert.equal(report.response.status, 200, JSON.stringify(report.error));
  assert.ok(report.data);
  const received: number = report.data.requestsReceived;
  assert.equal(report.data.year, year);
  assert.ok(received >= (lastRegistered ? 2 : 0), `requestsReceived: ${received}`);
});
