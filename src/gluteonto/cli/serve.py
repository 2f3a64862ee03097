"""``gluteonto serve``: the read-only SPARQL endpoint and the site."""

from __future__ import annotations

from pathlib import Path

import click

from .. import limits
from ..cli_lang import Command, current_lang
from ..cli_params import Seconds
from ..errors import GluteontoError
from .common import DATA_OPTION, FEDERATION_OPTION, friendly

__all__ = ["serve"]


@click.command(cls=Command)
@click.option("--host", default="127.0.0.1", show_default=True, help="option.host")
@click.option("--port", default=7878, show_default=True, type=click.IntRange(0, 65535), help="option.port")
@DATA_OPTION
@click.option("--site", "site_dir", type=click.Path(path_type=Path, file_okay=False), help="option.site_dir")
@click.option("--no-site", is_flag=True, help="option.no_site")
@click.option(
    "--timeout",
    type=Seconds(0.1, zero=False),
    default=limits.SERVER_QUERY_TIMEOUT,
    show_default=True,
    metavar="SECONDS",
    help="option.serve_timeout",
)
@click.option("--max-rows", type=click.IntRange(min=1), default=limits.SERVER_MAX_ROWS, show_default=True, help="option.max_rows")
@click.option("--max-bytes", type=click.IntRange(min=1024), default=limits.SERVER_MAX_BYTES, show_default=True, help="option.max_bytes")
@click.option("--allow-host", "allowed_hosts", multiple=True, metavar="NAME", help="option.allow_host")
@click.option("--cors-origin", "cors_origins", multiple=True, metavar="ORIGIN", help="option.cors_origin")
@FEDERATION_OPTION
@friendly
def serve(
    host: str,
    port: int,
    data: tuple[Path, ...],
    site_dir: Path | None,
    no_site: bool,
    timeout: float,
    max_rows: int,
    max_bytes: int,
    allowed_hosts: tuple[str, ...],
    cors_origins: tuple[str, ...],
    allow_federation: bool,
) -> None:
    """Serve the ontology as a read-only SPARQL 1.1 endpoint, and the documentation site at / (Ctrl-C to stop)."""
    import logging

    from ..i18n import Localized, msg
    from ..tools.serve import is_loopback, make_server

    lang = current_lang()
    handler = logging.StreamHandler()
    handler.setFormatter(logging.Formatter("%(levelname)s: %(message)s"))
    for name in ("gluteonto.serve", "uvicorn.error"):
        logging.getLogger(name).addHandler(handler)
        logging.getLogger(name).setLevel(logging.WARNING)
    if no_site:
        site_dir = None
    elif site_dir is None:
        from ..site.cache import cached_site

        try:
            site_dir = cached_site(progress=lambda message: click.echo(message, err=True), lang=lang)
        except (OSError, GluteontoError) as exc:
            from ..cli_lang import os_error_text

            reason = exc.render(lang) if isinstance(exc, Localized) else os_error_text(exc, lang) if isinstance(exc, OSError) else str(exc)
            click.echo(f"{msg('warning', lang)}: {msg('serve no site', lang, reason=reason)}", err=True)
    server = make_server(
        host,
        port,
        data,
        site=site_dir,
        timeout=timeout,
        max_rows=max_rows,
        max_bytes=max_bytes,
        allowed_hosts=allowed_hosts,
        cors_origins=cors_origins,
        allow_federation=allow_federation,
    )
    address, bound_port = server.server_address[0], server.server_address[1]
    if not is_loopback(host):
        click.echo(f"{msg('warning', lang)}: {msg('serve open', lang, host=host)}", err=True)
    if allow_federation:
        click.echo(f"{msg('warning', lang)}: {msg('serve federation', lang)}", err=True)
    base = f"http://{f'[{address}]' if ':' in address else address}:{bound_port}"
    if site_dir is not None:
        click.echo(msg("serve site at", lang, url=f"{base}/"), err=True)
    click.echo(msg("serve endpoint at", lang, url=f"{base}/sparql"), err=True)
    try:
        server.serve_forever()
    finally:
        server.server_close()
