"""A small browser for the production tests: urllib, a cookie jar, CSRF, the TLS proxy's header.

It talks to the real gunicorn over HTTP and says every request came through the TLS proxy
(X-Forwarded-Proto: https, X-Forwarded-For), as production traffic does; the site's cookies
are then Secure, so it keeps them itself instead of letting urllib drop them on plain HTTP.
"""

import http.client
import urllib.error
import urllib.parse
import urllib.request
import uuid
from dataclasses import dataclass, field
from html.parser import HTMLParser
from http.cookies import SimpleCookie


@dataclass
class Page:
    url: str
    status: int
    body: str
    redirects: list[str] = field(default_factory=list)

    def links(self) -> list[str]:
        parser = _Links()
        parser.feed(self.body)
        return parser.hrefs


class _Links(HTMLParser):
    def __init__(self):
        super().__init__()
        self.hrefs: list[str] = []

    def handle_starttag(self, tag, attrs):
        if tag == "a":
            href = dict(attrs).get("href")
            if href:
                self.hrefs.append(href)


class _NoRedirects(urllib.request.HTTPRedirectHandler):
    def redirect_request(self, *args, **kwargs):
        return None  # the client follows redirects itself, keeping each response's cookies


class SiteClient:
    def __init__(self, base_url: str):
        self.base_url = base_url.rstrip("/")
        self.origin = "https://" + urllib.parse.urlsplit(self.base_url).netloc
        self.cookies: dict[str, str] = {}
        self._opener = urllib.request.build_opener(_NoRedirects)

    def get(self, path: str) -> Page:
        return self._follow("GET", path, None)

    def post(self, path: str, data: dict | list, files: dict | None = None) -> Page:
        """A form post with the CSRF token from the cookie, as Django accepts it.

        `files` maps a field to (file name, bytes, content type): the post is then multipart.
        """
        fields = list(data.items()) if isinstance(data, dict) else list(data)
        fields.append(("csrfmiddlewaretoken", self.cookies.get("csrftoken", "")))
        if files:
            body, content_type = _multipart(fields, files)
            return self._follow("POST", path, body, content_type)
        return self._follow("POST", path, urllib.parse.urlencode(fields, doseq=True).encode())

    def _follow(
        self,
        method: str,
        path: str,
        body: bytes | None,
        content_type: str = "application/x-www-form-urlencoded",
    ) -> Page:
        redirects: list[str] = []
        page = self._send(method, path, body, content_type)
        while page.status in (301, 302, 303, 307, 308) and len(redirects) < 10:
            redirects.append(page.url)
            location = urllib.parse.urljoin(page.url, page.body)  # _send put it in .body
            page = self._send("GET", location, None)
        page.redirects = redirects
        return page

    def _send(
        self,
        method: str,
        path: str,
        body: bytes | None,
        content_type: str = "application/x-www-form-urlencoded",
    ) -> Page:
        url = self._absolute(path)
        headers = {
            "X-Forwarded-Proto": "https",
            "X-Forwarded-For": "127.0.0.1",
            "Accept-Language": "en",
        }
        if self.cookies:
            headers["Cookie"] = "; ".join(f"{k}={v}" for k, v in self.cookies.items())
        if body is not None:
            headers["Content-Type"] = content_type
            headers["Origin"] = self.origin
            headers["Referer"] = self.origin + "/"
        # Always the site's own http:// address (see _absolute).
        request = urllib.request.Request(url, data=body, headers=headers, method=method)  # noqa: S310
        try:
            response = self._opener.open(request, timeout=60)
        except urllib.error.HTTPError as error:
            response = error  # 3xx (not followed here), 4xx and 5xx carry a page too
        except (http.client.HTTPException, OSError) as error:
            # The server dropped the connection: as bad as a 500 for the person asking.
            return Page(url, 599, f"{error.__class__.__name__}: {error}")
        with response:
            self._keep_cookies(response.headers.get_all("Set-Cookie") or [])
            text = response.read().decode("utf-8", errors="replace")
            status = response.status
            if status in (301, 302, 303, 307, 308):
                text = response.headers.get("Location", "")
        return Page(url, status, text)

    def _absolute(self, path: str) -> str:
        parts = urllib.parse.urlsplit(path)
        # The site speaks of itself as https (behind the proxy); the test reaches it directly.
        return self.base_url + urllib.parse.urlunsplit(("", "", parts.path, parts.query, ""))

    def _keep_cookies(self, headers: list[str]) -> None:
        for header in headers:
            jar = SimpleCookie()
            jar.load(header)
            for name, morsel in jar.items():
                if morsel["max-age"] == "0" or not morsel.value:
                    self.cookies.pop(name, None)
                else:
                    self.cookies[name] = morsel.value


def _multipart(fields: list, files: dict) -> tuple[bytes, str]:
    boundary = "----portal-test-" + uuid.uuid4().hex
    parts = []
    for name, value in fields:
        for item in value if isinstance(value, list) else [value]:
            parts.append(
                f'--{boundary}\r\nContent-Disposition: form-data; name="{name}"\r\n\r\n'
                f"{item}\r\n".encode()
            )
    for name, (filename, content, content_type) in files.items():
        parts.append(
            f'--{boundary}\r\nContent-Disposition: form-data; name="{name}"; '
            f'filename="{filename}"\r\nContent-Type: {content_type}\r\n\r\n'.encode()
            + content
            + b"\r\n"
        )
    parts.append(f"--{boundary}--\r\n".encode())
    return b"".join(parts), f"multipart/form-data; boundary={boundary}"
