// dynalite ships without type declarations; it returns a Node http.Server.
declare module 'dynalite' {
  import type { Server } from 'node:http';
  function dynalite(options?: { createTableMs?: number; deleteTableMs?: number; updateTableMs?: number; maxItemSizeKb?: number }): Server;
  export = dynalite;
}

