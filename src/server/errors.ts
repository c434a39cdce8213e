/**
 * Express error middleware: unknown /api routes and every thrown error become the JSON error shape of query/errors.ts.
 */
import type { ErrorRequestHandler, RequestHandler } from "express";
import { errorAnswer, HttpError } from "../query/errors.ts";

/** 404 for any /api route that does not exist. */
export const notFoundHandler: RequestHandler = (req, _res, next) => {
  next(
    new HttpError(
      404,
      "not_found",
      `no such endpoint: ${req.method} ${req.originalUrl.split("?")[0]}; see /api/openapi.json for the API`,
    ),
  );
};

/** The last middleware: maps every error to the JSON error shape; unexpected ones become 500 without details. */
export const errorHandler: ErrorRequestHandler = (error, req, res, _next) => {
  const { status, body, headers } = errorAnswer(error, req.path);
  if (res.headersSent) {
    res.destroy();
    return;
  }
  res.status(status).set(headers).json(body);
};
