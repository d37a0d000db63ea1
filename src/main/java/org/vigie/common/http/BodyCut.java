package org.vigie.common.http;

import io.netty.channel.Channel;
import io.netty.channel.ChannelDuplexHandler;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelPipeline;
import io.netty.channel.ChannelPromise;
import io.netty.handler.codec.http.HttpContent;
import io.netty.handler.codec.http.HttpResponse;
import io.netty.handler.codec.http.HttpStatusClass;
import io.netty.handler.codec.http.LastHttpContent;
import io.netty.util.AttributeKey;
import io.netty.util.ReferenceCountUtil;
import io.vertx.core.http.HttpServerRequest;
import io.vertx.core.http.HttpVersion;
import io.vertx.core.net.impl.ConnectionBase;
import io.vertx.core.net.impl.VertxHandler;

import java.util.concurrent.TimeUnit;

/**
 * Counts a body sent without Content-Length (chunked) as it comes off the connection, and cuts it at
 * the route's limit: a chunked body's size is only known once read, and Quarkus REST's multipart parser
 * would otherwise write up to Quarkus's own bound (quarkus.http.limits.max-body-size, 200 MB) to disk.
 *
 * <p>It sits in the connection's Netty pipeline just before Vert.x, so it sees the body whether the
 * request is paused (an upload gate deciding) or read. Past the limit it drops the rest and tells Vert.x
 * the body has ended: the multipart parser then fails on a body without its closing boundary, removes
 * its temporary file (quarkus.http.body.delete-uploaded-files-on-end) and the failure is answered as
 * the 413 of {@link BodyLimits#cutProblem}. Once that answer is written the connection is closed (a
 * moment later), since the client is still sending a body nobody reads. Below the limit it steps aside
 * at the body's end.
 */
final class BodyCut extends ChannelDuplexHandler {

    private static final String NAME = "vigie-body-cut";
    private static final long LINGER_MS = 1000;
    /** Set on a connection whose request was cut: the limits it went past. */
    private static final AttributeKey<Limits> CUT = AttributeKey.valueOf("vigie.body-cut");

    /** The body's limit and, within it, the uploaded file's (what the 413 names). */
    record Limits(long bodyBytes, long fileBytes) {
    }

    private final Limits limits;
    private long seen;
    private boolean cut;
    private boolean answered;

    private BodyCut(Limits limits) {
        this.limits = limits;
    }

    /**
     * Watches the body of {@code request}, an HTTP/1 request without Content-Length. Returns false when
     * it cannot (HTTP/2, or a pipeline without Vert.x's handler): the route's other bounds apply then.
     */
    static boolean watch(HttpServerRequest request, Limits limits) {
        if (request.version() == HttpVersion.HTTP_2 || !(request.connection() instanceof ConnectionBase connection)) {
            return false;
        }
        ChannelPipeline pipeline = connection.channel().pipeline();
        ChannelHandlerContext vertx = pipeline.context(VertxHandler.class);
        if (vertx == null || pipeline.get(NAME) != null) {
            return false;
        }
        pipeline.addBefore(vertx.name(), NAME, new BodyCut(limits));
        return true;
    }

    /** The limits the request on this connection went past, or null when it was not cut. */
    static Limits cutOn(HttpServerRequest request) {
        if (request == null || !(request.connection() instanceof ConnectionBase connection)) {
            return null;
        }
        Channel channel = connection.channel();
        return channel.hasAttr(CUT) ? channel.attr(CUT).get() : null;
    }

    @Override
    public void channelRead(ChannelHandlerContext ctx, Object msg) {
        if (cut) {
            ReferenceCountUtil.release(msg); // the rest of a body already refused
            return;
        }
        if (!(msg instanceof HttpContent content)) {
            ctx.fireChannelRead(msg);
            return;
        }
        seen += content.content().readableBytes();
        if (seen > limits.bodyBytes()) {
            cut = true;
            ReferenceCountUtil.release(msg);
            if (answered) {
                // refused before its body (an upload gate): nothing is waiting for the rest
                lingerThenClose(ctx);
                return;
            }
            ctx.channel().attr(CUT).set(limits);
            ctx.fireChannelRead(LastHttpContent.EMPTY_LAST_CONTENT);
            return;
        }
        boolean last = msg instanceof LastHttpContent;
        ctx.fireChannelRead(msg);
        if (last && ctx.pipeline().context(this) != null) {
            ctx.pipeline().remove(this);
        }
    }

    @Override
    public void write(ChannelHandlerContext ctx, Object msg, ChannelPromise promise) {
        // the end of an answer; "100 Continue" (curl asks for it before a large upload) is none
        boolean informational = msg instanceof HttpResponse response
                && response.status().codeClass() == HttpStatusClass.INFORMATIONAL;
        if (!(msg instanceof LastHttpContent) || informational) {
            ctx.write(msg, promise);
            return;
        }
        if (!cut) {
            answered = true;
            ctx.write(msg, promise);
            return;
        }
        ChannelPromise written = promise.unvoid();
        ctx.write(msg, written);
        written.addListener(done -> lingerThenClose(ctx));
    }

    /**
     * Closes the connection a moment after the answer: closed at once while the client still sends,
     * it would be reset, and a reset can lose the answer on its way. Meanwhile what comes is read and
     * dropped, so that the client is not held up and sees the answer.
     */
    private static void lingerThenClose(ChannelHandlerContext ctx) {
        ctx.channel().config().setAutoRead(true);
        ctx.read();
        ctx.executor().schedule(() -> ctx.close(), LINGER_MS, TimeUnit.MILLISECONDS);
    }
}
