// The code in the URL's fragment, so that a link reproduces the result.
// "#code=z.<base64url of deflate-raw(UTF-8 code)>" (CompressionStream), or "#code=u.<base64url
// of the UTF-8 code>" where CompressionStream is missing; "#example=<id>" for an unchanged
// example; "&style=keras2" when the text style is not the default. The fragment never
// reaches a server.

const encoder = new TextEncoder();
const decoder = new TextDecoder();

function toBase64Url(bytes) {
  let binary = "";
  for (let i = 0; i < bytes.length; i += 0x8000) {
    binary += String.fromCharCode(...bytes.subarray(i, i + 0x8000));
  }
  return btoa(binary).replace(/\+/g, "-").replace(/\//g, "_").replace(/=+$/, "");
}

function fromBase64Url(text) {
  const base64 = text.replace(/-/g, "+").replace(/_/g, "/");
  const binary = atob(base64 + "=".repeat((4 - (base64.length % 4)) % 4));
  const bytes = new Uint8Array(binary.length);
  for (let i = 0; i < binary.length; i++) bytes[i] = binary.charCodeAt(i);
  return bytes;
}

async function pipe(bytes, stream) {
  const piped = new Blob([bytes]).stream().pipeThrough(stream);
  return new Uint8Array(await new Response(piped).arrayBuffer());
}

export async function encodeCode(code) {
  const bytes = encoder.encode(code);
  if (typeof CompressionStream === "function") {
    return "z." + toBase64Url(await pipe(bytes, new CompressionStream("deflate-raw")));
  }
  return "u." + toBase64Url(bytes);
}

export async function decodeCode(value) {
  const [kind, payload] = [value.slice(0, 2), value.slice(2)];
  if (kind === "u.") return decoder.decode(fromBase64Url(payload));
  if (kind === "z.") {
    if (typeof DecompressionStream !== "function") {
      throw new Error("this browser cannot decompress the link's code (no DecompressionStream)");
    }
    return decoder.decode(await pipe(fromBase64Url(payload), new DecompressionStream("deflate-raw")));
  }
  throw new Error("the link's code is not in a known format");
}

/** The state a fragment holds: {code} or {example}, and {style}. */
export function readFragment(hash) {
  const params = new URLSearchParams(hash.replace(/^#/, ""));
  return { code: params.get("code"), example: params.get("example"), style: params.get("style") };
}

export async function makeFragment({ code, example, style }) {
  const params = new URLSearchParams();
  if (example) params.set("example", example);
  else params.set("code", await encodeCode(code));
  if (style && style !== "keras3") params.set("style", style);
  return "#" + params.toString();
}
