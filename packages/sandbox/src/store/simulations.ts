import type { Db } from './database.js';

/** A row of `simulations`: what `POST /simulate` was asked to do. */
export interface SimulationRow {
  simulation_id: string;
  entity: string;
  entity_id: string;
  payment_status: string;
  payment_error_code: string | null;
  created_at: number;
}

/** Prepared statements for `simulations`. */
export class SimulationsTable {
  readonly #insert;
  readonly #byId;

  constructor(db: Db) {
    this.#insert = db.prepare<SimulationRow>(
      `INSERT INTO simulations (simulation_id, entity, entity_id, payment_status, payment_error_code, created_at)
       VALUES (@simulation_id, @entity, @entity_id, @payment_status, @payment_error_code, @created_at)`,
    );
    this.#byId = db.prepare<[string], SimulationRow>('SELECT * FROM simulations WHERE simulation_id = ?');
  }

  insert(row: SimulationRow): void {
    this.#insert.run(row);
  }

  byId(simulationId: string): SimulationRow | undefined {
    return this.#byId.get(simulationId);
  }
}
